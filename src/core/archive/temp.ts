import { lstat, mkdtemp, open, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The pid in the name lets a later run tell a crashed run's folder from a live one's.
const PREFIX = `exportscope-${process.pid}-`
const OURS = /^exportscope-(\d+)-/

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but is someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Crash recovery: removes the temp folders of runs that died before their close (inflated nested
 * archives, a stranger's audio among them). Only this user's folders, only of dead processes.
 */
export async function sweepStaleTemp(dir = tmpdir()): Promise<number> {
  const uid = process.getuid?.()
  let removed = 0
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(OURS.exec(name)?.[1])
    if (!pid || pid === process.pid || alive(pid)) continue
    const st = await lstat(join(dir, name)).catch(() => null)
    if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) continue
    await rm(join(dir, name), { recursive: true, force: true })
    removed++
  }
  return removed
}

let swept: Promise<number> | null = null

/** A private scratch folder for inflated nested archives: made on first use (0700), files 0600, removed on close. */
export class TempArea {
  private dir: Promise<string> | null = null
  private count = 0
  bytes = 0

  /** A new file of ours, 0600; 'wx+' when it is read back through the same handle. */
  async create(name: string, flags: 'wx' | 'wx+' = 'wx') {
    // Once per process, before the first temp file: what a crashed run left is removed.
    swept ??= sweepStaleTemp().catch(() => 0)
    this.dir ??= swept.then(() => mkdtemp(join(tmpdir(), PREFIX)))
    const path = join(await this.dir, `${++this.count}-${name}`)
    const handle = await open(path, flags, 0o600)
    return { path, handle }
  }

  async dispose(): Promise<void> {
    const dir = this.dir
    this.dir = null
    if (dir) await rm(await dir, { recursive: true, force: true })
  }
}
