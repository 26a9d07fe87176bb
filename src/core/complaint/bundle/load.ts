import { readFile } from 'node:fs/promises'
import type { MarkValue } from '../../../shared/model/review'
import type { ExportReading } from '../../../shared/model/recording'
import type { Analysis } from '../../analysis'
import type { OpenOptions, OpenedArchive } from '../../archive/types'
import { openSession } from '../../session'
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
  const caseFile = options.caseFile ?? null
  const marks = new Map<string, MarkValue>()
  for (const [id, e] of Object.entries(caseFile?.recordings ?? {})) if (e.mark) marks.set(id, e.mark)
  const session = await openSession(path, {
    signal: options.signal,
    marks,
    onProgress: (p) => p.open && options.onOpen?.(p.open),
    onListed: (archive) => {
      if (caseFile && caseFile.fingerprint !== archive.fingerprint) {
        throw new CaseFileError(`The case file belongs to another export (fingerprint ${caseFile.fingerprint}, this export's is ${archive.fingerprint}).`)
      }
    }
  })
  return { archive: session.archive, reading: session.reading, analysis: session.analysis, caseFile }
}
