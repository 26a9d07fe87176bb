// `npx tsx bench/redaction/excerpts.ts`: two evidence bundles whose excerpts a person should read:
// the 1,700-recording seed case, and the same case with the stranger's transcripts replaced by the
// redaction corpus's (names held out of the gazetteer, IBANs, cards, phones, e-mail, streets,
// postcodes, dates of birth). Prints both excerpts.txt files, and how many of the planted items
// survive in all the flagged transcripts' redactions (not only the few the bundle quotes).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { buildManifest, writeBundle } from '../../src/core/complaint/bundle'
import { loadEvidence } from '../../src/core/complaint/bundle/load'
import { redactionSpans } from '../../src/core/complaint/redact'
import { generateExport } from '../../src/core/generate'
import { plainRecording } from '../../src/core/providers/csv/recording-columns'
import { generateCorpus } from './corpus'
import { score, leakRate, overRate } from './score'

const FLAGGED = 1700
const EXCERPTS = 12
const dir = mkdtempSync(join(tmpdir(), 'exportscope-redaction-excerpts-'))

async function excerptsOf(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path))
  return zip.file('excerpts.txt')!.async('string')
}

async function main(): Promise<void> {
  process.stderr.write(`generating the seed case with ${FLAGGED} recordings…\n`)
  const made = await generateExport({ provider: 'amazon', own: 0, foreign: FLAGGED, kind: 'seed', seed: 'redaction', clips: { sampleRate: 8000, maxSeconds: 0.3 } }, join(dir, 'seed.zip'))
  const loaded = await loadEvidence(made.paths[0]!)
  try {
    const { archive, reading, analysis } = loaded
    const seed = await buildManifest({ archive, reading, verdicts: analysis.recordingVerdicts, findings: analysis.findings })
    const plain = await writeBundle({ manifest: seed, custodyLog: [], excerpts: EXCERPTS, out: join(dir, 'seed-bundle.zip') })
    console.log(`=== excerpts.txt of the seed case (${seed.transcripts.length} flagged transcripts) ===\n${await excerptsOf(plain.path)}`)

    // The same recordings, the stranger's words replaced by the corpus's: lowercase speech-to-text and cased, no language.
    const corpus = generateCorpus(reading.recordings.length, 'redaction-excerpts').map((t) => ({ ...t, hint: null }))
    const recordings = reading.recordings.map((r, i) => ({ ...plainRecording(r), transcript: corpus[i]!.text, language: null }))
    const pii = await buildManifest({ archive, reading: { ...reading, recordings }, verdicts: analysis.recordingVerdicts, findings: analysis.findings })
    const written = await writeBundle({ manifest: pii, custodyLog: [], excerpts: EXCERPTS, out: join(dir, 'pii-bundle.zip') })
    console.log(`=== excerpts.txt of the case with personal data planted in every transcript ===\n${await excerptsOf(written.path)}`)
    const s = score(corpus, (t) => redactionSpans(t.text, { names: pii.redactNames, language: null }))
    const leaks = leakRate(s)
    const over = overRate(s)
    console.log(`All ${corpus.length} flagged transcripts redacted as the bundle does: ${leaks.leaked} of ${leaks.total} planted items survive; ${over.removed} of ${over.total} ordinary words removed (${((100 * over.removed) / over.total).toFixed(2)}%).`)
    for (const l of s.leaks) console.log(`  survives: ${l.kind} "${l.item}" in "${l.text}"`)
  } finally {
    await loaded.archive.close?.()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  rmSync(dir, { recursive: true, force: true })
  process.exit(1)
})
