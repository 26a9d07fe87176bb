import { MappingFileSchema, type ColumnMapping, type MappingFile, type UnmappedCsv } from '../../shared/model/recording'

/** A mapping file's text (what `--mapping file.json` names) as mappings; throws a readable message. */
export function parseMappingFile(text: string): ColumnMapping[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new Error(`The mapping file is not JSON: ${err instanceof Error ? err.message : String(err)}`)
  }
  const parsed = MappingFileSchema.safeParse(json)
  if (!parsed.success) throw new Error(`The mapping file does not fit exportscope.mapping/1: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`)
  return parsed.data.mappings
}

/** A mapping file to fill in for the CSVs a scan could not map, with what it guessed already set. */
export function mappingFileFor(unmapped: ReadonlyArray<UnmappedCsv>): MappingFile {
  return { schema: 'exportscope.mapping/1', mappings: unmapped.map((u) => ({ signature: u.signature, columns: { time: '', ...u.guessed } })) }
}
