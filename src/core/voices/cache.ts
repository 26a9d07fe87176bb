import { createHash } from 'node:crypto'
import { readFile, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { OpenedArchive } from '../archive'
import type { PeaksKey } from '../audio/cache'
import { peaksKey } from '../audio/scheduler'
import { writeFileAtomic } from '../fs/atomic-write'
import type { VoiceEmbedder } from './embedder'

const MAGIC = 0x43565345 // 'ESVC'

/**
 * Voice vectors on disk beside the peaks (`<home>/cache/voices`), one small file per recording
 * under the same key as its peaks plus the embedder's id and version, so a new embedder never reads
 * an old one's vectors. A vector is derived personal data of whoever spoke: the retention delete
 * removes the folder with the rest, and nothing here ever goes into a bundle.
 */
export class VoiceCache {
  constructor(
    readonly dir: string,
    private readonly embedder: Pick<VoiceEmbedder, 'id' | 'version' | 'dims'>
  ) {}

  static inHome(home: string, embedder: Pick<VoiceEmbedder, 'id' | 'version' | 'dims'>): VoiceCache {
    return new VoiceCache(voiceCacheDir(home), embedder)
  }

  private file(key: PeaksKey): string {
    const h = createHash('sha256')
      .update(JSON.stringify([this.embedder.id, this.embedder.version, key.fingerprint, key.path, key.size, key.crc32]))
      .digest('hex')
      .slice(0, 40)
    return join(this.dir, `${h}.voice`)
  }

  /** The vector (null: the clip was too short or quiet), or undefined when nothing usable is cached. */
  async get(key: PeaksKey): Promise<Float32Array | null | undefined> {
    const b = await readFile(this.file(key)).catch(() => null)
    if (!b || b.length < 8 || b.readUInt32LE(0) !== MAGIC) return undefined
    const dims = b.readUInt32LE(4)
    if (dims === 0 && b.length === 8) return null
    if (dims !== this.embedder.dims || b.length !== 8 + dims * 4) return undefined
    return new Float32Array(new Uint8Array(b.subarray(8)).buffer)
  }

  /** Temp file then rename; a lost entry is only recomputed. */
  async put(key: PeaksKey, vector: Float32Array | null): Promise<void> {
    const out = Buffer.alloc(8 + (vector ? vector.length * 4 : 0))
    out.writeUInt32LE(MAGIC, 0)
    out.writeUInt32LE(vector ? vector.length : 0, 4)
    if (vector) Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(out, 8)
    await writeFileAtomic(this.file(key), out, { durable: false })
  }

  /** Removes the vectors of these recordings' audio (absent ones are no error). */
  async forget(keys: readonly PeaksKey[]): Promise<number> {
    let removed = 0
    for (const key of keys) if (await unlink(this.file(key)).then(() => true, () => false)) removed++
    return removed
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}

export const voiceCacheDir = (home: string): string => join(home, 'cache', 'voices')

/**
 * The retention delete's part for voices: every vector computed from this export's audio goes,
 * under whichever embedder (and whichever of its versions) made it. Answers how many files were removed.
 */
export async function forgetExportVoices(home: string, archive: OpenedArchive, embedders: readonly Pick<VoiceEmbedder, 'id' | 'version' | 'dims'>[]): Promise<number> {
  const keys = archive.entries.map((entry) => peaksKey(archive, entry, 0))
  let removed = 0
  // Older versions of an embedder too: vectors an earlier release left behind are the same personal data.
  for (const e of embedders) for (let version = 1; version <= e.version; version++) removed += await VoiceCache.inHome(home, { ...e, version }).forget(keys)
  return removed
}
