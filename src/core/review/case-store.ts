import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Problem } from '../../shared/model/problem'
import { writeFileAtomic } from '../fs/atomic-write'
import { emptyCase, parseCase, serializeCase, type CaseFile } from './case-file'

// Fingerprints are ours ('fp1-<bytes>-<hex>'), but a file name is built from one: allow nothing else.
const SAFE_FINGERPRINT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

export const casesDir = (home: string): string => join(home, 'cases')

export function casePath(home: string, fingerprint: string): string {
  if (!SAFE_FINGERPRINT.test(fingerprint) || fingerprint.includes('..')) throw new Error(`"${fingerprint.slice(0, 40)}" is not a fingerprint a case file can be named after.`)
  return join(casesDir(home), `${fingerprint}.json`)
}

export interface LoadedCase {
  case: CaseFile
  /** Set when an earlier file could not be read: it was kept aside and this case starts clean. */
  problem: Problem | null
  /** The name of the copy kept aside, for the custody log. */
  setAside: string | null
  fresh: boolean
}

/**
 * A save killed before its rename leaves its temp file behind (writeFileAtomic names it
 * `.<name>.<random>.tmp`); it never holds the good copy, so it goes when the case is next opened.
 */
async function removeTornSaves(home: string, fingerprint: string): Promise<number> {
  const prefix = `.${fingerprint}.json.`
  const names = await readdir(casesDir(home)).catch(() => [] as string[])
  const torn = names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
  await Promise.all(torn.map((n) => rm(join(casesDir(home), n), { force: true })))
  return torn.length
}

/** Reads the case for an export; a damaged file is moved aside (never deleted) and the case starts clean. */
export async function loadCase(home: string, fingerprint: string, now: string): Promise<LoadedCase> {
  const path = casePath(home, fingerprint)
  await removeTornSaves(home, fingerprint)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { case: emptyCase(fingerprint, now), problem: null, setAside: null, fresh: true }
    return { case: emptyCase(fingerprint, now), problem: { kind: 'case-file', path: null, message: `The saved review of this export could not be read (${(err as Error).message}); this session starts a new one and will try to save it.` }, setAside: null, fresh: true }
  }
  try {
    return { case: parseCase(text, fingerprint), problem: null, setAside: null, fresh: false }
  } catch (err) {
    const aside = `${fingerprint}.damaged-${now.replace(/[^0-9]/g, '').slice(0, 17)}.json`
    const kept = await rename(path, join(casesDir(home), aside)).then(
      () => true,
      () => false
    )
    const where = kept ? `it was kept as ${aside} in the cases folder` : 'it could not be moved aside and will be replaced'
    return {
      case: emptyCase(fingerprint, now),
      problem: { kind: 'case-file', path: kept ? aside : null, message: `The saved review of this export was damaged: ${(err as Error).message}. ${where[0]!.toUpperCase()}${where.slice(1)}; the review starts anew.` },
      setAside: kept ? aside : null,
      fresh: true
    }
  }
}

/**
 * Saves a case atomically, one write at a time. Saves asked for while one is running share the
 * next write, which takes the case as it is when it starts: a burst of marks costs two writes.
 */
export class CaseWriter {
  private last: Promise<void> = Promise.resolve()
  private queued: Promise<void> | null = null

  constructor(
    readonly path: string,
    private readonly snapshot: () => CaseFile
  ) {}

  save(): Promise<void> {
    if (this.queued) return this.queued
    const next = this.last
      .catch(() => undefined)
      .then(() => {
        this.queued = null
        return writeFileAtomic(this.path, serializeCase(this.snapshot()))
      })
    this.queued = next
    this.last = next
    return next
  }

  /** Waits for every save asked for so far; never throws. */
  async flush(): Promise<void> {
    await this.last.catch(() => undefined)
  }
}
