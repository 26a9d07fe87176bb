import type { FileHandle } from 'node:fs/promises'
import type { TempArea } from '../temp'

const WINDOW = 32 * 1024

/** Where access points keep their 32 KiB windows. */
export interface WindowStore {
  /** Stores a window; its place, or -1 when there is no room left. */
  put(window: Buffer): Promise<number>
  get(at: number): Promise<Buffer>
  close(): Promise<void>
}

/**
 * The windows in one private temp file (0600, removed at close) rather than in memory: a 50 GB
 * part has thousands of points, 32 KiB each. Bounded by the temp budget like every temp file.
 */
export class TempWindows implements WindowStore {
  private handle: Promise<FileHandle> | null = null
  private count = 0

  constructor(
    private readonly temp: TempArea,
    private readonly budget: number
  ) {}

  async put(window: Buffer): Promise<number> {
    if (this.temp.bytes + WINDOW > this.budget) return -1
    this.handle ??= this.temp.create('gzip-windows', 'wx+').then((f) => f.handle)
    const handle = await this.handle
    const at = this.count++ * WINDOW
    let done = 0
    while (done < WINDOW) done += (await handle.write(window, done, WINDOW - done, at + done)).bytesWritten
    this.temp.bytes += WINDOW
    return at
  }

  async get(at: number): Promise<Buffer> {
    const handle = await this.handle!
    const buf = Buffer.alloc(WINDOW)
    let done = 0
    while (done < WINDOW) {
      const { bytesRead } = await handle.read(buf, done, WINDOW - done, at + done)
      if (bytesRead === 0) throw new Error(`the window at ${at} of the gzip index is missing`)
      done += bytesRead
    }
    return buf
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await (await handle?.catch(() => null))?.close().catch(() => undefined)
  }
}
