import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'

export interface AtomicWriteOptions {
  /**
   * False skips both fsyncs: readers still never see a torn file (the rename keeps it out), but a
   * power cut may lose the write. For caches whose entries are recomputed; case files stay durable.
   */
  durable?: boolean
}

/**
 * Writes a file so that a crash at any instant leaves either the old file or the new one, never a
 * torn one: a temp file beside it, fsync, rename, then fsync of the folder. Owner-only, since what
 * we write may describe a stranger's data.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable !== false
  const dir = dirname(path)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(data)
    if (durable) await handle.sync()
  } catch (err) {
    await handle.close()
    await rm(temp, { force: true })
    throw err
  }
  await handle.close()
  try {
    await rename(temp, path)
  } catch (err) {
    await rm(temp, { force: true })
    throw err
  }
  if (!durable) return
  const folder = await open(dir, 'r').catch(() => null)
  await folder?.sync().catch(() => undefined)
  await folder?.close()
}
