/** A header cell as aliases are compared: no BOM, no case, single spaces. */
export const normalizeHeader = (cell: string): string => cell.replace(/^\ufeff/, '').trim().replace(/\s+/g, ' ').toLowerCase()

/** The header as one key, so a saved mapping finds every file with the same columns. */
export const headerSignature = (header: readonly string[]): string => header.map(normalizeHeader).join('|')

/** Which column holds each field: the first alias (in the table's order) that the header has. */
export function resolveColumns<F extends string>(header: readonly string[], aliases: Readonly<Record<F, readonly string[]>>): Partial<Record<F, number>> {
  const at = new Map<string, number>()
  header.forEach((cell, i) => {
    const key = normalizeHeader(cell)
    if (!at.has(key)) at.set(key, i)
  })
  const found: Partial<Record<F, number>> = {}
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const i = at.get(normalizeHeader(alias))
      if (i !== undefined) {
        found[field] = i
        break
      }
    }
  }
  return found
}

/**
 * Per header, an object with its names in order: a row with every cell filled is a copy of it
 * with the values set, where adding the names one by one made V8 look up a new shape per name
 * and grow the object's storage twice (100,000 rows).
 */
const shapes = new WeakMap<readonly string[], Readonly<Record<string, string>>>()

/** A row's cells by header name, for the evidence; empty cells are left out. */
export function rowFields(header: readonly string[], cells: readonly string[]): Record<string, string> {
  if (cells.length === header.length && !cells.includes('')) {
    let shape = shapes.get(header)
    if (shape === undefined) shapes.set(header, (shape = namesOnly(header)))
    const fields: Record<string, string> = { ...shape }
    // In order, so a name the header repeats ends with its last cell, as below.
    for (let i = 0; i < cells.length; i++) fields[header[i] || `column ${i + 1}`] = cells[i]!
    return fields
  }
  return fieldsOneByOne(header, cells)
}

const namesOnly = (header: readonly string[]): Record<string, string> => fieldsOneByOne(header, header.map(() => '-'))

function fieldsOneByOne(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {}
  const n = Math.min(header.length, cells.length)
  for (let i = 0; i < n; i++) {
    const v = cells[i]!
    if (v !== '') fields[header[i] || `column ${i + 1}`] = v
  }
  return fields
}

/** The trimmed cell at `i`, or null when the column is absent or the cell empty. */
export const cellAt = (cells: readonly string[], i: number | undefined): string | null => (i === undefined ? null : cellText(cells[i]))

/** The cell trimmed, or null when it is absent or empty. */
export const cellText = (cell: string | undefined): string | null => {
  if (cell === undefined || cell === '') return null
  // Printable ASCII at both ends is no white space of any kind: the cell is its own trim (most cells; no call).
  const a = cell.charCodeAt(0)
  const z = cell.charCodeAt(cell.length - 1)
  if (a > 0x20 && a < 0x7f && z > 0x20 && z < 0x7f) return cell
  const v = cell.trim()
  return v ? v : null
}
