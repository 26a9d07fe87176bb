import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import type { OpenContext } from './context'
import type { Container, IndexedEntry } from './entry'
import { EntryReadError, abortError, messageOf } from './errors'
import { entryKind } from './kind'
import { RATIO_GRACE_BYTES } from './limits'
import { checkRange, guardedRead } from './read'
import { SliceSource, type ByteSource } from './source'
import { utcLocalTime } from './time'
import type { ByteRange } from './types'
import { safeName } from './zip/names'

interface TarEntry extends IndexedEntry {
  /** Where the entry's bytes start in the tar stream (after gunzip for a .tar.gz). */
  readonly dataOffset: number
}

/** The tar stream's bytes [start, end), gunzipped from the beginning: a .tar.gz has no random access. */
async function* gunzippedSlice(source: ByteSource, start: number, end: number): AsyncGenerator<Buffer> {
  const input = source.stream(0, source.size)
  const gunzip = createGunzip()
  input.on('error', (err) => gunzip.destroy(err))
  input.pipe(gunzip)
  let at = 0
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const from = Math.max(0, start - at)
      const to = Math.min(chunk.length, end - at)
      at += chunk.length
      if (to > from) yield chunk.subarray(from, to)
      if (at >= end) return
    }
  } finally {
    input.destroy()
    gunzip.destroy()
  }
}

class TarContainer implements Container {
  constructor(
    private readonly source: ByteSource,
    private readonly gz: boolean,
    private readonly ctx: OpenContext
  ) {}

  async read(entry: IndexedEntry, wanted: ByteRange | undefined): Promise<Readable> {
    const { dataOffset } = entry as TarEntry
    const { path, size } = entry.info
    const range = checkRange(path, size, wanted)
    const start = dataOffset + (range?.start ?? 0)
    const end = dataOffset + (range ? range.end + 1 : size)
    const raw = this.gz ? Readable.from(gunzippedSlice(this.source, start, end), { objectMode: false }) : this.source.stream(start, end)
    return guardedRead({ path, raw, deflated: false, declaredSize: end - start, crc32: null, range: undefined, limits: this.ctx.limits })
  }

  async storedSource(entry: IndexedEntry): Promise<ByteSource | null> {
    return this.gz ? null : new SliceSource(this.source, (entry as TarEntry).dataOffset, entry.info.size)
  }
}

export interface TarListing {
  entries: IndexedEntry[]
  /** Why indexing stopped early, when it did: a gzip bomb, or a damaged or cut-off stream. */
  failure: { kind: 'zip-bomb' | 'truncated'; reason: string } | null
}

/**
 * Indexes a tar (or .tar.gz) in one streaming pass with tar-stream, which resolves pax and GNU long
 * names; entries keep the offset of their bytes so a plain tar is then read by offset. A .tar.gz is
 * watched while it inflates: past the ratio or total limit the pass stops (a gzip bomb).
 */
export async function listTar(source: ByteSource, ctx: OpenContext, gz: boolean): Promise<TarListing> {
  // Loaded for tar exports only, so opening a ZIP does not pay for it.
  const { default: tarStream } = await import('tar-stream')
  const container = new TarContainer(source, gz, ctx)
  const entries: TarEntry[] = []
  const input = source.stream(0, source.size)
  const gunzip = gz ? createGunzip() : null
  let compressed = 0
  let streamed = 0
  let bomb = false
  input.on('data', (chunk: Buffer) => {
    compressed += chunk.length
    if (!gz) streamed = compressed
  })
  gunzip?.on('data', (chunk: Buffer) => {
    streamed += chunk.length
    const { maxRatio, maxTotalBytes } = ctx.limits
    if ((streamed > RATIO_GRACE_BYTES && streamed > maxRatio * compressed) || streamed > maxTotalBytes) {
      bomb = true
      gunzip.destroy(new Error(`it inflates past ${streamed} bytes from ${compressed} (more than ${maxRatio}:1 or the total limit, a gzip bomb)`))
    }
  })
  const extract = tarStream.extract()
  extract.on('entry', (header, stream, next) => {
    stream.on('end', () => next())
    // The entry's stream errors too when the archive breaks off inside it; the pipeline reports that.
    stream.on('error', () => undefined)
    stream.resume()
    if (header.type !== 'file' && header.type !== 'contiguous-file') return
    if (!ctx.admit()) return extract.destroy(new Error('the entry limit was reached'))
    const name = safeName(header.name.replace(/^(\.\/)+/, ''))
    const size = header.size ?? 0
    entries.push({
      info: {
        path: name.path,
        part: null,
        size,
        compressedSize: size,
        crc32: null,
        localTime: utcLocalTime(header.mtime),
        method: gz ? 'gzip' : 'stored',
        flags: 0,
        encrypted: false,
        unsafePath: name.unsafe,
        kind: entryKind(name.path)
      },
      container,
      refused: null,
      // tar-stream records where each entry's data begins; its typings do not list it.
      dataOffset: (header as { byteOffset?: number }).byteOffset ?? 0
    })
    ctx.meter.report('listing', ctx.entries, compressed)
  })

  let failure: TarListing['failure'] = null
  // pipeline stops listening once it settles, but tar-stream (streamx) re-emits the error it was
  // destroyed with; without a listener of our own that late event would crash the process.
  for (const stage of [input, gunzip, extract]) stage?.on('error', () => undefined)
  try {
    // pipeline listens for errors on every stage, so a damaged stream can never go unhandled.
    await (gunzip ? pipeline(input, gunzip, extract, { signal: ctx.signal }) : pipeline(input, extract, { signal: ctx.signal }))
  } catch (err) {
    if (ctx.signal?.aborted) throw abortError()
    if (!ctx.full) failure = { kind: bomb ? 'zip-bomb' : 'truncated', reason: messageOf(err) }
  }

  const reached = gz ? streamed : source.size
  for (const e of entries) {
    if (e.info.unsafePath) {
      ctx.problems.add('unsafe-path', e.info.path, `The name ${e.info.path} tries to leave the archive (absolute or ".."); it is shown as text and never used as a path.`)
    }
    if (e.dataOffset + e.info.size > reached) {
      const msg = `The archive ends inside the data of ${e.info.path}; it is not read.`
      e.refused = new EntryReadError('damaged', e.info.path, msg)
      ctx.problems.add('truncated', e.info.path, msg)
    }
  }
  return { entries, failure }
}
