import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ColumnMapping, MappingFile } from '../../shared/model/recording'
import { writeFileAtomic } from '../fs/atomic-write'
import { parseMappingFile } from './mapping-file'

/** The person's column mappings live in one file in the app's home, in the format the CLI takes. */
export const mappingsPath = (home: string) => join(home, 'mappings.json')

export async function loadSavedMappings(home: string): Promise<{ mappings: ColumnMapping[]; problem: string | null }> {
  let text: string
  try {
    text = await readFile(mappingsPath(home), 'utf8')
  } catch {
    return { mappings: [], problem: null }
  }
  try {
    return { mappings: parseMappingFile(text), problem: null }
  } catch (err) {
    return { mappings: [], problem: `The saved column mappings in ${mappingsPath(home)} could not be used: ${err instanceof Error ? err.message : String(err)}` }
  }
}

const sameTarget = (a: ColumnMapping, b: ColumnMapping) => (a.signature !== undefined && a.signature === b.signature) || (a.file !== undefined && a.file === b.file)

/** Adds a mapping, replacing one for the same header or file, and saves the whole file atomically. */
export async function saveMapping(home: string, mapping: ColumnMapping): Promise<ColumnMapping[]> {
  const { mappings } = await loadSavedMappings(home)
  const next = [...mappings.filter((m) => !sameTarget(m, mapping)), mapping]
  const file: MappingFile = { schema: 'exportscope.mapping/1', mappings: next }
  await writeFileAtomic(mappingsPath(home), `${JSON.stringify(file, null, 2)}\n`)
  return next
}
