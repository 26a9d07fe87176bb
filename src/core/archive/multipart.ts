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

function group(dir: string, names: string[]): Map<string, PartSet['parts']> {
  const groups = new Map<string, PartSet['parts']>()
  for (const name of names) {
    const m = PART.exec(name)
    if (!m) continue
    const list = groups.get(m[1]!) ?? []
    list.push({ path: join(dir, name), name, number: Number(m[2]) })
    groups.set(m[1]!, list)
  }
  return groups
}

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
  const parts = group(dir, names).get(m[1]!) ?? []
  const set = toSet(m[1]!, parts, [])
  return set.parts.length > 1 || set.missing.length > 0 ? set : null
}

/** The part set a folder holds directly (the largest, when there are several); null when it holds none. */
export async function partsInFolder(dir: string): Promise<PartSet | null> {
  const entries = await readdir(dir, { withFileTypes: true })
  const groups = group(dir, entries.filter((e) => e.isFile()).map((e) => e.name))
  if (groups.size === 0) return null
  const ranked = [...groups].sort((a, b) => b[1].length - a[1].length)
  const [prefix, parts] = ranked[0]!
  return toSet(prefix, parts, ranked.slice(1).map(([p]) => p))
}
