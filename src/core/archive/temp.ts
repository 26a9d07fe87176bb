import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A private scratch folder for inflated nested archives: made on first use (0700), files 0600, removed on close. */
export class TempArea {
  private dir: Promise<string> | null = null
  private count = 0
  bytes = 0

  async create(name: string) {
    this.dir ??= mkdtemp(join(tmpdir(), 'exportscope-'))
    const path = join(await this.dir, `${++this.count}-${name}`)
    const handle = await open(path, 'wx', 0o600)
    return { path, handle }
  }

  async dispose(): Promise<void> {
    const dir = this.dir
    this.dir = null
    if (dir) await rm(await dir, { recursive: true, force: true })
  }
}
