import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ArchiveFormat } from '../../shared/model/archive'
import { OpenContext } from './context'
import { detectFormat } from './detect'
import type { IndexedEntry } from './entry'
import { ArchiveOpenError, isAbortError, messageOf, throwIfAborted } from './errors'
import { listFolder } from './folder'
import { resolveLimits } from './limits'
import { partsBeside, partsInFolder, type PartSet } from './multipart'
import { expandNested } from './nested'
import { Opened } from './opened'
import { ProblemLog } from './problems'
import { ProgressMeter } from './progress'
import { FileSource } from './source'
import { TempArea } from './temp'
import type { OpenOptions, OpenedArchive } from './types'
import { listZip } from './zip/container'

const systemCode = (err: unknown): string | null => {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null
}

/** File-system failures become one clear sentence; anything else is a bug and stays as it is. */
function asOpenError(path: string, err: unknown): unknown {
  if (err instanceof ArchiveOpenError || isAbortError(err)) return err
  const code = systemCode(err)
  if (code === 'ENOENT') return new ArchiveOpenError('missing', path, `${path} does not exist.`, { cause: err })
  if (code === 'EACCES' || code === 'EPERM') return new ArchiveOpenError('unreadable', path, `${path} cannot be read: permission denied.`, { cause: err })
  if (code) return new ArchiveOpenError('unreadable', path, `${path} cannot be read (${messageOf(err)}).`, { cause: err })
  return err
}

const notArchive = (path: string, why = '') => new ArchiveOpenError('not-archive', path, `${path} is not a ZIP or tar archive${why}.`)

async function listSingle(path: string, ctx: OpenContext): Promise<{ format: ArchiveFormat; entries: IndexedEntry[] }> {
  const source = ctx.own(await FileSource.open(path))
  const kind = await detectFormat(source)
  if (kind === 'zip') {
    const listing = await listZip(source, ctx, { prefix: '', part: null })
    if (listing.unrecognised) throw notArchive(path, ': it has neither a central directory nor a single file header')
    return { format: 'zip', entries: await expandNested(listing.entries, ctx, 0, listing.zips) }
  }
  if (kind === 'tar' || kind === 'gzip') {
    const gz = kind === 'gzip'
    // Loaded here only: the tar reader brings pako's inflate (~5 ms to load), which a ZIP never needs.
    const { listTar } = await import('./tar')
    const listing = await listTar(source, ctx, gz)
    const { failure } = listing
    if (failure && listing.entries.length === 0 && failure.kind === 'truncated') {
      throw gz
        ? new ArchiveOpenError('not-archive', path, `${path} is gzip-compressed but holds no readable tar archive (${failure.reason}).`)
        : notArchive(path, ` it can read (${failure.reason})`)
    }
    if (failure) {
      ctx.problems.add(failure.kind, null, `The archive could not be read to its end (${failure.reason}); ${listing.entries.length === 1 ? '1 entry was' : `${listing.entries.length} entries were`} indexed before that.`)
    }
    return { format: gz ? 'tar.gz' : 'tar', entries: await expandNested(listing.entries, ctx, 0) }
  }
  throw notArchive(path)
}

async function listParts(opened: string, set: PartSet, ctx: OpenContext): Promise<IndexedEntry[]> {
  const entries: IndexedEntry[] = []
  let readable = 0
  for (const part of set.parts) {
    try {
      const source = ctx.own(await FileSource.open(part.path))
      if ((await detectFormat(source)) !== 'zip') throw new Error('it is not a ZIP archive')
      const listing = await listZip(source, ctx, { prefix: '', part: part.name })
      if (listing.unrecognised) throw new Error('it has neither a central directory nor a single file header')
      for (const e of await expandNested(listing.entries, ctx, 0, listing.zips)) entries.push(e)
      readable++
      ctx.meter.base += source.size
    } catch (err) {
      if (isAbortError(err)) throw err
      if (part.path === opened) throw err instanceof ArchiveOpenError ? err : notArchive(opened, ` it can read (${messageOf(err)})`)
      ctx.problems.add('part', part.name, `Part ${part.name} could not be opened: ${messageOf(err)}.`)
    }
    ctx.meter.report('parts', ctx.entries, 0, true)
  }
  if (readable === 0) throw new ArchiveOpenError('not-archive', opened, `None of the parts of the export in ${opened} could be opened as a ZIP archive.`)
  for (const name of set.missing) ctx.problems.add('missing-part', name, `Part ${name} is missing from the numbering; the export is incomplete.`)
  for (const prefix of set.others) ctx.problems.add('other-export', null, `The folder also holds parts of another export (${prefix}-…zip); they are not opened.`)
  return entries
}

/**
 * Opens an export — a ZIP (nested ZIPs inside it included), a Takeout part set, a tar or tar.gz,
 * or a folder — as one index of entries. Throws ArchiveOpenError only when nothing can be read;
 * every lesser issue is a problem line in the result.
 */
export async function openArchive(path: string, options: OpenOptions = {}): Promise<OpenedArchive> {
  throwIfAborted(options.signal)
  const limits = resolveLimits(options.limits)
  const st = await stat(path).catch((err: unknown) => {
    throw asOpenError(path, err)
  })
  if (!st.isDirectory() && !st.isFile()) throw notArchive(path, ': it is not a regular file or a folder')
  if (st.isFile() && st.size === 0) throw new ArchiveOpenError('empty', path, `${path} is empty (0 bytes).`)

  let set: PartSet | null
  let lone: string | null = null
  let parts: { path: string; bytes: number }[]
  try {
    set = st.isDirectory() ? await partsInFolder(path) : await partsBeside(path)
    // A folder whose only part is a lone '-001.zip' (and no other export beside it) holds one
    // ordinary ZIP: opened as that file, its recordings keep the ids they have when the file is opened.
    if (set && set.parts.length === 1 && set.missing.length === 0 && set.others.length === 0) lone = set.parts[0]!.path
    if (lone !== null) set = null
    parts = set ? await Promise.all(set.parts.map(async (p) => ({ path: p.path, bytes: (await stat(p.path)).size }))) : lone !== null ? [{ path: lone, bytes: (await stat(lone)).size }] : [{ path, bytes: st.isFile() ? st.size : 0 }]
  } catch (err) {
    throw asOpenError(path, err)
  }
  const total = parts.reduce((sum, p) => sum + p.bytes, 0)
  const ctx = new OpenContext(limits, options.signal, new ProblemLog(), new ProgressMeter(total, options.onProgress), new TempArea())
  try {
    ctx.meter.report('listing', 0, 0, true)
    let format: ArchiveFormat
    let entries: IndexedEntry[]
    if (set) {
      format = 'multipart-zip'
      entries = await listParts(path, set, ctx)
    } else if (lone !== null) {
      ;({ format, entries } = await listSingle(lone, ctx))
    } else if (st.isDirectory()) {
      format = 'folder'
      const walked = await listFolder(path, ctx)
      if (walked.entries.length === 0) throw new ArchiveOpenError('no-entries', path, `The folder ${path} holds no files.`)
      parts[0]!.bytes = walked.bytes
      entries = await expandNested(walked.entries, ctx, 0)
    } else {
      ;({ format, entries } = await listSingle(path, ctx))
    }
    if (entries.length === 0) ctx.problems.add('empty', null, `${basename(path)} holds no files.`)
    ctx.meter.report('done', ctx.entries, parts.reduce((sum, p) => sum + p.bytes, 0), true)
    return new Opened({ format, path, parts, entries, problems: ctx.problems.list(), ctx })
  } catch (err) {
    await ctx.release()
    throw asOpenError(path, err)
  }
}
