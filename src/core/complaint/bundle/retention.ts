import { lstat, open, readFile, rm } from 'node:fs/promises'
import { basename } from 'node:path'
import type { CustodyAction } from '../../../shared/model/review'
import { exportSha256, hashArchive } from '../../archive'
import { writeFileAtomic } from '../../fs/atomic-write'
import { CaseFileSchema, serializeCase } from '../../review/case-file'
import { appName, appVersion } from '../../version'

/**
 * Appends one line to a case's custody log. In the app pass the open case's own logger
 * (review's recordCustody), so the line joins the session's log instead of racing its saves.
 */
export type CustodyLogger = (action: CustodyAction, detail: string) => Promise<string | null | void>

/**
 * A logger that appends to a case file on disk (write-temp, fsync, rename). Only for a case no
 * running app has open: the app would write its own copy over the line at its next save.
 */
export function caseFileLogger(casePath: string, now: () => string = () => new Date().toISOString()): CustodyLogger {
  return async (action, detail) => {
    const data = await readCase(casePath)
    const time = now()
    data.custody.push({ time, tool: `${appName} ${appVersion}`, action, detail })
    data.updatedAt = time
    await writeFileAtomic(casePath, serializeCase(data))
    return null
  }
}

async function readCase(casePath: string) {
  let json: unknown
  try {
    json = JSON.parse(await readFile(casePath, 'utf8'))
  } catch (err) {
    throw new Error(`The case file ${casePath} cannot be read (${err instanceof Error ? err.message : String(err)}).`)
  }
  const parsed = CaseFileSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${casePath} is not a case file this version can read.`)
  return parsed.data
}

export const RETENTION_ADVICE =
  'Keep one sealed copy of the export, encrypted at rest, until the authority (or the controller) confirms it is no longer needed. ' +
  "Do not copy it, share it, or look further into the other person's recordings. Then delete it here: the deletion and the export's SHA-256 go into the custody log."

/** Records the reminder to keep one sealed copy until the authority confirms; answers the advice to show. */
export async function recordRetentionReminder(log: CustodyLogger, archive: { name: string; sha256: string }): Promise<{ advice: string }> {
  await log('kept-sealed', `one sealed copy of ${archive.name} (SHA-256 ${archive.sha256}) is kept until the authority or the controller confirms it is no longer needed`)
  return { advice: RETENTION_ADVICE }
}

export interface DeleteOptions {
  /**
   * Overwrite the bytes with zeros before unlinking. It helps on a plain hard disk; on SSDs and
   * copy-on-write or journaling file systems the old blocks may survive, so disk encryption is
   * what really protects them.
   */
  overwrite?: boolean
  signal?: AbortSignal
}

export interface DeletedArchive {
  files: { name: string; bytes: number; sha256: string }[]
  /** The export's one SHA-256 (a file's own, or the combined one over its parts). */
  sha256: string
}

async function zeroFill(path: string, size: number): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20))
    for (let at = 0; at < size; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, size - at), at)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * The retention step's end: hashes the export's file(s), deletes them, and logs what was deleted
 * with its SHA-256. `paths` is the export's file, or all its parts. `caseFile` is a case file's path
 * or a CustodyLogger. When the log cannot be written the files are gone already: the error says
 * what was deleted and its hash, so the person can note it themselves.
 */
export async function deleteArchive(paths: string | readonly string[], caseFile: string | CustodyLogger, options: DeleteOptions = {}): Promise<DeletedArchive> {
  const list = typeof paths === 'string' ? [paths] : [...paths]
  if (list.length === 0) throw new Error('No file to delete was given.')
  for (const p of list) {
    const s = await lstat(p)
    if (!s.isFile()) throw new Error(`${p} is not a file; only an export's own files are deleted here.`)
  }
  // A case file that cannot take the line stops the deletion before anything is gone.
  if (typeof caseFile === 'string') await readCase(caseFile)
  const log = typeof caseFile === 'string' ? caseFileLogger(caseFile) : caseFile
  const hashes = await hashArchive(list, { signal: options.signal })
  const files = await Promise.all(list.map(async (p, i) => ({ name: basename(p), bytes: (await lstat(p)).size, sha256: hashes[i]!.sha256 })))
  const sha256 = exportSha256(files.map((f) => f.sha256))
  for (const [i, p] of list.entries()) {
    if (options.overwrite) await zeroFill(p, files[i]!.bytes)
    await rm(p)
  }
  const what = files.map((f) => `${f.name} (${f.bytes} bytes, SHA-256 ${f.sha256})`).join(', ')
  const detail = `deleted ${what}${files.length > 1 ? `; the export's SHA-256 ${sha256}` : ''}${options.overwrite ? ', overwritten with zeros first' : ''}`
  try {
    await log('deleted', detail)
  } catch (err) {
    throw new Error(`The export was deleted (${what}), but the custody log could not be written: ${err instanceof Error ? err.message : String(err)}.`, { cause: err })
  }
  return { files, sha256 }
}
