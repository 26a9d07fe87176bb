import yauzl from 'yauzl'
import type { OpenContext } from '../context'
import type { ByteSource } from '../source'
import { parseExtra } from './extra'
import type { ZipRecord } from './record'
import { SourceReader } from './reader'

export type CentralResult =
  | { status: 'ok' }
  /** No usable end-of-central-directory record: the file is truncated, or not a ZIP. */
  | { status: 'missing'; error: Error }
  /** The directory broke off after `listed` records. */
  | { status: 'damaged'; error: Error; listed: number }

const openZip = (source: ByteSource) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(
      new SourceReader(source),
      source.size,
      // Names are decoded by us (CP437 table, unsafe names kept as text); sizes are checked by us too,
      // because yauzl stops the whole listing at the first entry it dislikes.
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
      (err, zipfile) => (err || !zipfile ? reject(err ?? new Error('no zip file')) : resolve(zipfile))
    )
  )

/** yauzl's lazy entries as awaitable reads; one set of listeners for the whole walk, not one per entry. */
function entryReader(zipfile: yauzl.ZipFile) {
  let waiting: { resolve: (e: yauzl.Entry | null) => void; reject: (err: Error) => void } | null = null
  const settle = (fn: (w: NonNullable<typeof waiting>) => void) => {
    const w = waiting
    waiting = null
    if (w) fn(w)
  }
  zipfile.on('entry', (entry: yauzl.Entry) => settle((w) => w.resolve(entry)))
  zipfile.on('end', () => settle((w) => w.resolve(null)))
  zipfile.on('error', (err: Error) => settle((w) => w.reject(err)))
  return () =>
    new Promise<yauzl.Entry | null>((resolve, reject) => {
      waiting = { resolve, reject }
      zipfile.readEntry()
    })
}

const toRecord = (e: yauzl.Entry): ZipRecord => ({
  nameRaw: e.fileNameRaw,
  extra: parseExtra(e.extraFieldRaw),
  flags: e.generalPurposeBitFlag,
  method: e.compressionMethod,
  dosTime: e.lastModFileTime,
  dosDate: e.lastModFileDate,
  crc32: e.crc32,
  compressedSize: e.compressedSize,
  uncompressedSize: e.uncompressedSize,
  localOffset: e.relativeOffsetOfLocalHeader,
  dataStart: null,
  sizeUnknown: false
})

/** Walks the central directory one record at a time; `take` returns false to stop early. */
export async function listCentral(source: ByteSource, ctx: OpenContext, take: (r: ZipRecord) => boolean): Promise<CentralResult> {
  let zipfile: yauzl.ZipFile
  try {
    zipfile = await openZip(source)
  } catch (err) {
    return { status: 'missing', error: err as Error }
  }
  // Also keeps a late close error from becoming an unhandled 'error' event.
  const nextEntry = entryReader(zipfile)
  let listed = 0
  try {
    for (;;) {
      ctx.checkAbort()
      const entry = await nextEntry()
      if (!entry) return { status: 'ok' }
      listed++
      if (!take(toRecord(entry))) return { status: 'ok' }
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    return { status: 'damaged', error: err as Error, listed }
  } finally {
    zipfile.close()
  }
}
