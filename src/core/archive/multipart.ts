import { readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Google Takeout's split export: independent complete ZIPs named '<prefix>-001.zip', '-002.zip', … */
const PART = /^(.+)-(\d{3,})\.zip$/i

export interface PartSet {
  /** Present parts in order. */
  parts: { path: string; name: string; number: number }[]
  /** Names of the parts missing from the numbering (001 up to the highest present). */
  missing: string[]
  /** Other part sets in the same folder, which are not opened. */
  others: string[]
}

interface Group {
  prefix: string
  parts: PartSet['parts']
}

// Parts of one export share the stem and the width of their number ('-001' … '-012'): 'ui-1700.zip'
// and 'ui-20000.zip' are two exports that merely end in numbers.
function group(dir: string, names: string[]): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const name of names) {
    const m = PART.exec(name)
    if (!m) continue
    const key = `${m[1]!}\u0000${m[2]!.length}`
    const g = groups.get(key) ?? { prefix: m[1]!, parts: [] }
    g.parts.push({ path: join(dir, name), name, number: Number(m[2]) })
    groups.set(key, g)
  }
  return groups
}

/**
 * Numbered like a split export: the numbers run from 1 with only a few gaps. A lone 'x-1700.zip' is
 * not part 1,700 of something with 1,699 parts missing.
 */
const isPlausible = (g: Group): boolean => Math.max(...g.parts.map((p) => p.number)) <= 2 * g.parts.length + 2

function toSet(prefix: string, parts: PartSet['parts'], others: string[]): PartSet {
  parts.sort((a, b) => a.number - b.number)
  const width = Math.max(3, ...parts.map((p) => PART.exec(p.name)![2]!.length))
  const have = new Set(parts.map((p) => p.number))
  const missing: string[] = []
  const highest = parts[parts.length - 1]?.number ?? 0
  for (let n = 1; n < highest && missing.length < 1000; n++) {
    if (!have.has(n)) missing.push(`${prefix}-${String(n).padStart(width, '0')}.zip`)
  }
  return { parts, missing, others }
}

/** The parts that belong with `file`, when its name is a part's; null when it is a lone archive. */
export async function partsBeside(file: string): Promise<PartSet | null> {
  const m = PART.exec(basename(file))
  if (!m) return null
  const dir = dirname(file)
  const names = await readdir(dir).catch(() => [basename(file)])
  const own = group(dir, names).get(`${m[1]!}\u0000${m[2]!.length}`)
  if (!own || !isPlausible(own)) return null
  const set = toSet(own.prefix, own.parts, [])
  return set.parts.length > 1 || set.missing.length > 0 ? set : null
}

/** The part set a folder holds directly (the largest, when there are several); null when it holds none. */
export async function partsInFolder(dir: string): Promise<PartSet | null> {
  const entries = await readdir(dir, { withFileTypes: true })
  const groups = [...group(dir, entries.filter((e) => e.isFile()).map((e) => e.name)).values()].filter(isPlausible)
  if (groups.length === 0) return null
  const ranked = groups.sort((a, b) => b.parts.length - a.parts.length)
  const { prefix, parts } = ranked[0]!
  return toSet(prefix, parts, ranked.slice(1).map((g) => g.prefix))
}
