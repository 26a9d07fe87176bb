import { constants } from 'node:fs'
import { lstat, open, opendir, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { Readable } from 'node:stream'
import type { OpenContext } from './context'
import type { Container, IndexedEntry } from './entry'
import { entryKind } from './kind'
import { checkRange, guardedRead } from './read'
import { FileSource, type ByteSource } from './source'
import { utcLocalTime } from './time'
import type { ByteRange } from './types'

interface FolderEntry extends IndexedEntry {
  /** Absolute path of the file itself (a symlink's resolved target, always inside the folder). */
  readonly file: string
}

// O_NOFOLLOW: a file swapped for a symlink after the walk is refused rather than followed out of the folder.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

class FolderContainer implements Container {
  constructor(private readonly ctx: OpenContext) {}

  async read(entry: IndexedEntry, wanted: ByteRange | undefined): Promise<Readable> {
    const { file } = entry as FolderEntry
    const { path, size } = entry.info
    const range = checkRange(path, size, wanted)
    const handle = await open(file, READ_FLAGS)
    const raw = range
      ? handle.createReadStream({ start: range.start, end: range.end, autoClose: true })
      : handle.createReadStream({ autoClose: true })
    const declaredSize = range ? range.end - range.start + 1 : size
    return guardedRead({ path, raw, deflated: false, declaredSize, crc32: null, range: undefined, limits: this.ctx.limits })
  }

  async storedSource(entry: IndexedEntry): Promise<ByteSource | null> {
    return this.ctx.own(await FileSource.open((entry as FolderEntry).file))
  }
}

/**
 * Walks a folder and lists its files by path. Symbolic links are followed only to files inside the
 * folder; links out of it, or to folders (which could loop), are reported and left alone.
 */
export async function listFolder(root: string, ctx: OpenContext): Promise<{ entries: IndexedEntry[]; bytes: number }> {
  const container = ctx.contain(new FolderContainer(ctx))
  const realRoot = await realpath(root)
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)
  const entries: IndexedEntry[] = []
  let bytes = 0
  const pending: string[] = ['']
  while (pending.length && !ctx.full) {
    const rel = pending.pop()!
    const names: { name: string; dir: boolean; link: boolean; file: boolean }[] = []
    for await (const d of await opendir(join(realRoot, rel))) {
      names.push({ name: d.name, dir: d.isDirectory(), link: d.isSymbolicLink(), file: d.isFile() })
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const subdirs: string[] = []
    for (const d of names) {
      ctx.checkAbort()
      const relPath = rel ? `${rel}/${d.name}` : d.name
      const abs = join(realRoot, relPath)
      if (d.dir) {
        subdirs.push(relPath)
        continue
      }
      let file = abs
      if (d.link) {
        const target = await realpath(abs).catch(() => null)
        if (!target || !inside(target)) {
          ctx.problems.add('symlink', relPath, `${relPath} is a link that points outside the folder; it is not followed.`)
          continue
        }
        if ((await stat(target)).isDirectory()) {
          ctx.problems.add('symlink', relPath, `${relPath} is a link to a folder; it is not followed.`)
          continue
        }
        file = target
      } else if (!d.file) {
        continue
      }
      const st = await lstat(file)
      if (!st.isFile()) continue
      if (!ctx.admit()) break
      bytes += st.size
      const entry: FolderEntry = {
        info: {
          path: relPath,
          part: null,
          size: st.size,
          compressedSize: st.size,
          crc32: null,
          localTime: utcLocalTime(st.mtimeMs),
          method: 'file',
          flags: 0,
          encrypted: false,
          unsafePath: false,
          kind: entryKind(relPath)
        },
        container,
        refused: null,
        file
      }
      entries.push(entry)
      ctx.meter.report('listing', ctx.entries, bytes)
    }
    for (const dir of subdirs) pending.push(dir)
  }
  // One order whatever the walk met first: by path, as a ZIP of the same folder would list it.
  entries.sort((a, b) => (a.info.path < b.info.path ? -1 : a.info.path > b.info.path ? 1 : 0))
  return { entries, bytes }
}
