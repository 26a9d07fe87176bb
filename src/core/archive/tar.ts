import { statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import type { OpenContext } from './context'
import type { Container, IndexedEntry } from './entry'
import { EntryReadError, abortError, messageOf } from './errors'
import { reportFolderWithData, withoutFolderMark } from './folder-mark'
import { GunzipCursor } from './gunzip-cursor'
import { GzipIndex } from './zran/gzip-index'
import { TempWindows } from './zran/windows'
import { entryKind } from './kind'
import { RATIO_GRACE_BYTES } from './limits'
import { checkRange, guardedRead } from './read'
import { FileSource, SliceSource, type ByteSource } from './source'
import { Spill } from './tar-spill'
import { tempBudget } from './temp-budget'
import { utcLocalTime } from './time'
import type { ByteRange } from './types'
import { safeName } from './zip/names'

/** Inflated bytes between access points past the temp copy: a read past it inflates at most this much besides its own bytes. Tests shrink it. */
export const accessPoints = { span: 1024 * 1024 }

interface TarEntry extends IndexedEntry {
  /** Where the entry's bytes start in the tar stream (after gunzip for a .tar.gz). */
  readonly dataOffset: number
}

/**
 * Reads a tar or .tar.gz by offset. A .tar.gz has no random access of its own: the listing pass
 * leaves a temporary copy of the inflated stream's first limits.maxSpillBytes (tar-spill.ts), so
 * an entry inside it is read like one of a plain tar; an entry past it is read by a gunzip cursor
 * that moves forward from read to read (gunzip-cursor.ts); a read behind it starts from the
 * nearest zran access point before it (zran/gzip-index.ts), kept every MiB past the copy (zran's own span).
 */
class TarContainer implements Container {
  /** The inflated stream's bytes [0, spilled) in a temp file (a .tar.gz), or null. */
  private spill: ByteSource | null = null
  private spilled = 0
  /** The gunzip cursor not in use by a read, kept for the next read past the copy. */
  private idle: GunzipCursor | null = null
  /** Access points past the copy (zran), made when a read first goes back past the cursor. */
  private index: GzipIndex | null = null
  private windows: TempWindows | null = null
  private closed = false

  constructor(
    private readonly source: ByteSource,
    private readonly gz: boolean,
    private readonly ctx: OpenContext
  ) {
    if (gz) ctx.atRelease(() => this.close())
  }

  useSpill(spill: ByteSource, bytes: number): void {
    this.spill = spill
    this.spilled = bytes
  }

  async read(entry: IndexedEntry, wanted: ByteRange | undefined): Promise<Readable> {
    const { dataOffset } = entry as TarEntry
    const { path, size } = entry.info
    const range = checkRange(path, size, wanted)
    const start = dataOffset + (range?.start ?? 0)
    const end = dataOffset + (range ? range.end + 1 : size)
    const raw = !this.gz ? this.source.stream(start, end) : end <= this.spilled ? this.spill!.stream(start, end) : Readable.from(this.beyondSpill(start, end), { objectMode: false })
    return guardedRead({ path, raw, deflated: false, declaredSize: end - start, crc32: null, range: undefined, limits: this.ctx.limits })
  }

  async storedSource(entry: IndexedEntry): Promise<ByteSource | null> {
    const { dataOffset } = entry as TarEntry
    const { size } = entry.info
    if (!this.gz) return new SliceSource(this.source, dataOffset, size)
    // A ZIP inside the copied part of a .tar.gz is read in place there, not copied once more.
    return dataOffset + size <= this.spilled ? new SliceSource(this.spill!, dataOffset, size) : null
  }

  private async *beyondSpill(start: number, end: number): AsyncGenerator<Buffer> {
    const cursor = await this.cursorFor(start)
    let failed = false
    try {
      yield* cursor.slice(start, end)
    } catch (err) {
      failed = true
      throw err
    } finally {
      // The one that got further is kept; a failed or superseded one is ended.
      if (failed || this.closed || (this.idle && this.idle.at > cursor.at)) cursor.destroy()
      else {
        this.idle?.destroy()
        this.idle = cursor
      }
    }
  }

  /**
   * The cheapest way to `start` past the copy: the kept cursor when it is behind `start` and no
   * access point is much nearer; else a cursor from the access point before `start`, the index pass
   * run that far first. The first read past the copy, in archive order, needs no index at all.
   */
  private async cursorFor(start: number): Promise<GunzipCursor> {
    const idle = this.idle && this.idle.at <= start ? this.idle : null
    if (idle && !this.index) {
      this.idle = null
      return idle
    }
    if (!idle && !this.idle && !this.index) return new GunzipCursor(this.source)
    this.index ??= new GzipIndex(this.source, this.spilled, accessPoints.span, (this.windows = new TempWindows(this.ctx.temp, tempBudget(this.ctx.limits, this.ctx.meter.totalBytes))))
    await this.index.advanceTo(start)
    const point = this.index.before(start)
    if (idle && (!point || point.out <= idle.at + accessPoints.span)) {
      this.idle = null
      return idle
    }
    if (!point) return new GunzipCursor(this.source)
    return new GunzipCursor(this.source, { ...point, window: await this.windows!.get(point.window) })
  }

  private close(): void {
    this.closed = true
    this.idle?.destroy()
    this.idle = null
    this.index?.end()
    void this.windows?.close()
  }
}

/** Never more than half the free space where temp files go: the copy must not fill a small /tmp that others need. */
async function halfOfFreeTemp(): Promise<number> {
  const fs = await statfs(tmpdir()).catch(() => null)
  return fs ? Math.floor((fs.bavail * fs.bsize) / 2) : Number.MAX_SAFE_INTEGER
}

/** Hands the temp copy to the container, and says when it stops short of the stream's end. */
async function useSpill(container: TarContainer, spill: Spill, reached: number, ctx: OpenContext): Promise<void> {
  if (spill.path && spill.written > 0) container.useSpill(ctx.own(await FileSource.open(spill.path)), spill.written)
  if (!spill.stopped || spill.written >= reached) return
  const why = spill.stopped.bound ? `the limit of ${spill.written} bytes for that copy` : `writing it failed (${spill.stopped.reason})`
  ctx.problems.add(
    'limit',
    null,
    `The tar.gz inflates to ${reached} bytes; only the first ${spill.written} are kept in a temporary copy for quick reads (${why}). Entries past that point are read by inflating the archive again from where the last such read ended, or from the nearest access point kept every ${accessPoints.span / 1024 / 1024} MiB past the copy (made when a read first goes back), which is slower than from the copy.`
  )
}

export interface TarListing {
  entries: IndexedEntry[]
  /** Why indexing stopped early, when it did: a gzip bomb, or a damaged or cut-off stream. */
  failure: { kind: 'zip-bomb' | 'truncated'; reason: string } | null
}

/**
 * Indexes a tar (or .tar.gz) in one streaming pass with tar-stream, which resolves pax and GNU long
 * names; entries keep the offset of their bytes so a plain tar is then read by offset. A .tar.gz is
 * watched while it inflates: past the ratio or total limit the pass stops (a gzip bomb); what it
 * inflates is copied to a bounded temp file on the way, so the archive is inflated once, not once per read.
 */
/** An entry's name as the listing gives it: without the './' many tars start their names with, made safe. */
const tarName = (raw: string) => safeName(raw.replace(/^(\.\/)+/, ''))

export async function listTar(source: ByteSource, ctx: OpenContext, gz: boolean): Promise<TarListing> {
  // Loaded for tar exports only, so opening a ZIP does not pay for it.
  const { default: tarStream } = await import('tar-stream')
  const container = ctx.contain(new TarContainer(source, gz, ctx))
  const entries: TarEntry[] = []
  // The temp copy's bound is known before the input stream exists: a 'data' listener starts the
  // stream flowing at once, and chunks that flowed during an await before the pipeline joined it
  // never reached gunzip ("incorrect header check", "unexpected end of file"; about 1 open in 40).
  const spillBound = gz ? Math.max(0, Math.min(ctx.limits.maxSpillBytes, tempBudget(ctx.limits, ctx.meter.totalBytes) - ctx.temp.bytes, await halfOfFreeTemp())) : 0
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
  // The one inflate of the listing also fills the temp copy that later entry reads are served from.
  const spill = gz ? new Spill(ctx.temp, spillBound) : null
  const extract = tarStream.extract()
  extract.on('entry', (header, stream, next) => {
    // The entry's stream errors too when the archive breaks off inside it; the pipeline reports that.
    stream.on('error', () => undefined)
    const size = header.size ?? 0
    if (header.type === 'directory' && size > 0) {
      // tar-stream skips no data after a folder's header and never ends its stream, so waiting for
      // it left the listing pending and the process exiting with no report. Moving on reads the data
      // as the next header: the listing then stops with a problem, keeping what came before.
      const path = tarName(header.name).path
      ctx.problems.add('folder-with-data', path, `${path} is a folder that declares ${size} bytes of data; the archive cannot be read past it.`)
      return next()
    }
    stream.on('end', () => next())
    stream.resume()
    if (header.type !== 'file' && header.type !== 'contiguous-file') return
    if (!ctx.admit()) return extract.destroy(new Error('the entry limit was reached'))
    const name = tarName(header.name)
    if (name.path.endsWith('/') && size > 0) {
      // Old tars mark a folder by the '/' alone; one that holds bytes is a file in disguise (folder-mark.ts).
      name.path = withoutFolderMark(name.path)
      reportFolderWithData(ctx.problems, name.path, header.name.endsWith('\\') ? '\\' : '/', size, size)
    }
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
  for (const stage of [input, gunzip, spill, extract]) stage?.on('error', () => undefined)
  try {
    // pipeline listens for errors on every stage, so a damaged stream can never go unhandled.
    await (gunzip && spill ? pipeline(input, gunzip, spill, extract, { signal: ctx.signal }) : pipeline(input, extract, { signal: ctx.signal }))
  } catch (err) {
    if (ctx.signal?.aborted) throw abortError()
    if (!ctx.full) failure = { kind: bomb ? 'zip-bomb' : 'truncated', reason: messageOf(err) }
  }

  const reached = gz ? streamed : source.size
  if (spill) await useSpill(container, spill, reached, ctx)
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
