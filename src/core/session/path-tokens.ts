import { randomBytes } from 'node:crypto'
import { CallError } from '../../shared/ipc/result'

/** Where a path the renderer may open came from: only the person's own gestures hand one out. */
export type PathOrigin = 'dialog' | 'drop' | 'recent' | 'sample'

/**
 * Paths the renderer may ask to open, by opaque token. The open dialog, a drop (through the
 * preload) and the recent list grant a token for the path the person chose; openArchive takes
 * only a token. So a compromised renderer can open (and, through the open export, delete) only
 * what the person picked, never a path it makes up.
 */
export function createPathTokens(max = 64) {
  const paths = new Map<string, { path: string; origin: PathOrigin }>()
  return {
    grant(path: string, origin: PathOrigin): string {
      // The same path keeps its token, so the recent list and a second drop do not pile up entries.
      for (const [token, held] of paths) if (held.path === path) return token
      const token = `p${randomBytes(12).toString('hex')}`
      paths.set(token, { path, origin })
      // Oldest first out: a long session of drops cannot grow the table without bound.
      if (paths.size > max) paths.delete(paths.keys().next().value!)
      return token
    },
    /** The path behind a token; a token never granted (or a path passed as one) is refused. */
    resolve(token: string): string {
      const held = paths.get(token)
      if (!held) throw new CallError('forbidden-path', 'That export was not chosen in the open dialog, dropped or picked from the recent list; choose it again.')
      return held.path
    }
  }
}

export type PathTokens = ReturnType<typeof createPathTokens>
