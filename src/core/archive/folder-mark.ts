import type { ProblemLog } from './problems'
import { withoutTrailing } from '../trim'

/**
 * Bytes a deflate stream of nothing takes: Java's ZipOutputStream writes each folder as one, so a
 * folder of real exports may declare 2 compressed bytes and still hold nothing.
 */
const EMPTY_DEFLATE_BYTES = 2

/**
 * Whether an entry named like a folder (its name ends in '/' or '\') holds bytes. Such an entry is
 * a file in disguise: treated as a folder, its bytes (a recording) would vanish from the listing
 * without a word, so it is listed as a file under its name without the mark, with a problem line.
 */
export const holdsData = (size: number, compressedSize: number): boolean => size > 0 || compressedSize > EMPTY_DEFLATE_BYTES

/** The path without its trailing '/'s; the path itself when nothing else is left (a name of slashes only). */
export function withoutFolderMark(path: string): string {
  return withoutTrailing(path, '/') || path
}

/**
 * The problem line for such an entry: its name as the archive writes it (the listed path and the
 * mark it ended in, '/' or '\\'), its size, and the file it is listed as.
 */
export function reportFolderWithData(problems: ProblemLog, path: string, mark: string, size: number, compressedSize: number): void {
  const holds = size > 0 ? `${size} bytes` : `${compressedSize} compressed bytes`
  problems.add('folder-with-data', path, `${path}${mark} is named like a folder (its name ends in "${mark}") but holds ${holds}; it is listed as the file ${path}, so its contents are not lost.`)
}
