import { readFile } from 'node:fs/promises'
import type { MarkValue } from '../../../shared/model/review'
import type { ExportReading } from '../../../shared/model/recording'
import { analyze, type Analysis } from '../../analysis'
import { openArchive } from '../../archive'
import type { OpenOptions, OpenedArchive } from '../../archive/types'
import { builtInProviders, readExport } from '../../providers'
import { CaseFileSchema, type CaseFile } from '../../review/case-file'

/** The case file given cannot be used with this export; the message says why. */
export class CaseFileError extends Error {
  override readonly name = 'CaseFileError'
}

export interface LoadedEvidence {
  archive: OpenedArchive
  reading: ExportReading
  analysis: Analysis
  /** The case file given, or null: its marks decide over the verdicts, its custody log goes into the bundle. */
  caseFile: CaseFile | null
}

/** A case file as saved by the app; throws a sentence when it cannot be used. */
export async function readCaseFile(path: string): Promise<CaseFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new CaseFileError(`The case file ${path} cannot be read: ${code === 'ENOENT' ? 'it does not exist' : (err as Error).message}.`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new CaseFileError(`The case file ${path} is not valid JSON.`)
  }
  const parsed = CaseFileSchema.safeParse(json)
  if (!parsed.success) throw new CaseFileError(`${path} is not a case file (exportscope.case/1) this version can read.`)
  return parsed.data
}

/**
 * What the CLI (and tests) need to build a manifest outside the app: the export opened read-only,
 * read by the providers and judged by the rules, with the case's marks shaping the usual as in the
 * app. The caller closes `archive`.
 */
export async function loadEvidence(path: string, options: { caseFile?: CaseFile | null; signal?: AbortSignal; onOpen?: OpenOptions['onProgress'] } = {}): Promise<LoadedEvidence> {
  const archive = await openArchive(path, { signal: options.signal, onProgress: options.onOpen })
  try {
    const caseFile = options.caseFile ?? null
    if (caseFile && caseFile.fingerprint !== archive.fingerprint) {
      throw new CaseFileError(`The case file belongs to another export (fingerprint ${caseFile.fingerprint}, this export's is ${archive.fingerprint}).`)
    }
    const reading = await readExport(archive, { signal: options.signal, providers: builtInProviders() })
    const marks = new Map<string, MarkValue>()
    for (const [id, e] of Object.entries(caseFile?.recordings ?? {})) if (e.mark) marks.set(id, e.mark)
    const analysis = await analyze(reading, marks)
    return { archive, reading, analysis, caseFile }
  } catch (err) {
    await archive.close()
    throw err
  }
}
