/**
 * Where a sealed original sits in the bundle: sealed/[part/]path. A nested archive becomes a folder
 * ('Alexa.zip!/a.wav' → 'Alexa.zip/a.wav'), since a reader of the bundle would take '!/' for a ZIP
 * inside it; any step that would leave the folder ('..', '.') is neutralised.
 */
export function sealedName(part: string | null, path: string): string {
  const safe = path
    .replace(/!\//g, '/')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (s === '..' || s === '.' ? '_' : s.replace(/\\/g, '_')))
    .join('/')
  return `sealed/${part ? `${part.replace(/[\\/]/g, '_')}/` : ''}${safe}`
}

/**
 * The sealed names of the manifest's entries, in order. An export can hold two entries of one name
 * (the manifest lists both, told apart by offset): the second copy gets the offset in its name,
 * so each original keeps its own file in the bundle.
 */
export function sealedNames(entries: readonly { part: string | null; path: string; offset?: number | null }[]): string[] {
  const used = new Set<string>()
  return entries.map((e, i) => {
    let name = sealedName(e.part, e.path)
    if (used.has(name)) name = `${name}.copy-at-${e.offset ?? `entry-${i + 1}`}`
    used.add(name)
    return name
  })
}

/**
 * The bundle's root: sha256sum's format, one line for every other file of the bundle except the
 * letters (which print the root's own SHA-256, so they cannot be listed in it). Forging any listed
 * file means rewriting the root, which changes the value the letters already sent print.
 */
export const ROOT_FILE = 'SHA256SUMS'

/** Letters live here; they cite the root and are the only files it does not list. */
export const LETTERS_FOLDER = 'letters/'
