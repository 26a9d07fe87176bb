import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ComplaintFacts, EvidenceSummary, LetterLang } from '../shared/model/complaint'
import { bytes, plural, printable, seconds } from './format'
import { readFacts } from './facts'
import { EXIT_CANCELLED, EXIT_CANNOT_OPEN, EXIT_OK, type CliIo } from './io'
import { parseOptions } from './options'
import { createProgress, failWith } from './progress'

/** `report` found nothing to complain about: no recording is flagged or marked "not mine" (documented in help.ts). */
export const EXIT_NOTHING_TO_REPORT = 4

export interface ReportCommand {
  kind: 'report'
  archive: string
  /** The folder the letters go into; made when missing. */
  out: string
  factsPath: string | null
  /** Overrides the facts' language. */
  lang: LetterLang | null
  /** A case file saved by the app: its marks decide which recordings are foreign. */
  casePath: string | null
  /** An evidence bundle already written: the letters print its manifest's SHA-256 instead of a new one's. */
  bundlePath: string | null
}

export function parseReportArgs(argv: readonly string[]): ReportCommand | { kind: 'usage-error'; message: string } {
  const parsed = parseOptions('report', argv, { values: ['--out', '--facts', '--lang', '--case', '--bundle'], flags: [] })
  if ('error' in parsed) return { kind: 'usage-error', message: parsed.error }
  const { positionals, values } = parsed
  if (positionals.length !== 1) return { kind: 'usage-error', message: positionals.length === 0 ? 'report needs the path of the export.' : 'report takes one export; to read a multipart export, give any one of its parts.' }
  if (!values['--out']) return { kind: 'usage-error', message: 'report needs --out <folder>, where the letters go.' }
  const lang = values['--lang'] ?? null
  if (lang !== null && lang !== 'en' && lang !== 'de' && lang !== 'fr') return { kind: 'usage-error', message: '--lang takes en, de or fr.' }
  return { kind: 'report', archive: positionals[0]!, out: values['--out'], factsPath: values['--facts'] ?? null, lang, casePath: values['--case'] ?? null, bundlePath: values['--bundle'] ?? null }
}

const since = (start: number) => Math.round(performance.now() - start)

/**
 * The day the letters are dated. SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes it,
 * so a script or a test gets the same letters twice.
 */
function clock(env: CliIo['env']): { today: string; now: string } {
  const epoch = env.SOURCE_DATE_EPOCH
  const at = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()
  return { today: at.toISOString().slice(0, 10), now: at.toISOString() }
}

/**
 * `exportscope report`: reads the export as `scan` does, judges its recordings, builds the evidence
 * manifest of the foreign ones (or takes the one of --bundle), and writes the five letters as PDF
 * and text, the deadline as .ics, and the web-form panels, into --out.
 */
export async function report(options: Omit<ReportCommand, 'kind'>, io: CliIo): Promise<number> {
  const started = performance.now()
  const progress = createProgress(io.stderr, io.env)
  const fail = failWith(progress, io.stderr)
  // Loaded here: `scan` should not pay for pdfkit and the complaint engine.
  const { ArchiveOpenError } = await import('../core/archive')
  const { loadEvidence, readCaseFile, CaseFileError } = await import('../core/complaint/bundle/load')
  const { mkdir } = await import('node:fs/promises')
  const { writeFileAtomic } = await import('../core/fs/atomic-write')

  // Everything the person typed is checked before the long work.
  let facts: ComplaintFacts | null = null
  if (options.factsPath !== null) {
    const loaded = await readFacts(options.factsPath)
    if ('problem' in loaded) return fail(EXIT_CANNOT_OPEN, loaded.problem)
    facts = options.lang ? { ...loaded.facts, lang: options.lang } : loaded.facts
    // Dates that cannot be right (answer before request, a notice in the future) stop here, each named.
    const { dateProblems } = await import('../core/complaint/plan')
    const wrong = dateProblems(facts, clock(io.env).today)
    if (wrong.length > 0) return fail(EXIT_CANNOT_OPEN, `The facts file ${options.factsPath} has dates that cannot be right: ${wrong.map((w) => `${w.path}: ${w.message}`).join(' ')}`)
  }
  const outProblem = await folderProblem(options.out)
  if (outProblem) return fail(EXIT_CANNOT_OPEN, outProblem)
  let caseFile = null
  try {
    caseFile = options.casePath === null ? null : await readCaseFile(options.casePath)
  } catch (err) {
    return fail(EXIT_CANNOT_OPEN, (err as Error).message)
  }

  let loaded
  try {
    loaded = await loadEvidence(options.archive, { caseFile, signal: io.signal, onOpen: (p) => progress.opening(p) })
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    if (err instanceof ArchiveOpenError || err instanceof CaseFileError) return fail(EXIT_CANNOT_OPEN, err.message)
    throw err
  }
  const { archive, reading, analysis } = loaded
  try {
    progress.done(`read ${plural(reading.recordings.length, 'recording')} of ${basename(archive.path)} (${archive.format}, ${bytes(archive.bytes)})`)
    await mkdir(options.out, { recursive: true, mode: 0o700 })

    if (facts === null) {
      // Letters need the person's own facts (names, dates); the export suggests some of them.
      const { suggestedDraft } = await import('../core/complaint/facts-file')
      const template = join(options.out, 'facts.template.json')
      await writeFileAtomic(template, `${JSON.stringify(factsTemplate(suggestedDraft(reading), options.lang ?? 'en'), null, 2)}\n`)
      return fail(EXIT_CANNOT_OPEN, `report needs --facts <facts.json>: fill in ${template} (what the export tells is filled in already) and give it with --facts.`)
    }

    const { buildManifest, evidenceSummary, flaggedRecordings } = await import('../core/complaint/bundle')
    const { withReview } = await import('../core/complaint/letters/review-facts')
    const { flagged } = flaggedRecordings(reading.recordings, analysis.recordingVerdicts, caseFile?.recordings ?? {})
    // Nothing flagged or marked: no letter is written about nothing (before any hashing or writing).
    if (flagged.length === 0) {
      const { noForeignRecordings } = await import('../core/complaint/plan')
      return fail(EXIT_NOTHING_TO_REPORT, noForeignRecordings('en'))
    }
    let evidence: EvidenceSummary
    const written: { name: string; bytes: number }[] = []
    const put = async (name: string, data: string | Uint8Array) => {
      await writeFileAtomic(join(options.out, name), data)
      written.push({ name, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length })
    }
    if (options.bundlePath !== null) {
      const { evidenceOfBundle } = await import('../core/complaint/bundle/evidence')
      const fromBundle = await evidenceOfBundle(options.bundlePath, archive.parts, io.signal)
      if ('problem' in fromBundle) return fail(EXIT_CANNOT_OPEN, fromBundle.problem)
      evidence = withReview(fromBundle.evidence, reading, flagged, fromBundle.parts, analysis.findings)
    } else {
      const built = await buildManifest({
        archive,
        reading,
        verdicts: analysis.recordingVerdicts,
        findings: analysis.findings,
        marks: caseFile?.recordings ?? {},
        signal: io.signal,
        onProgress: (p) => (p.phase === 'archive' ? progress.hashing(archive.parts.length, p.done, p.total) : undefined)
      })
      progress.done(`hashed ${plural(built.manifest.entries.length, 'flagged entry', 'flagged entries')} and the export`)
      // The letters print this manifest's hash, so it is written beside them.
      await put('manifest.json', built.json)
      await put('manifest.csv', built.csv)
      evidence = withReview(evidenceSummary(built.manifest, built.sha256), reading, flagged, built.manifest.archive.parts, analysis.findings)
    }
    if (evidence.foreignRecordings === 0) {
      const { noForeignRecordings } = await import('../core/complaint/plan')
      return fail(EXIT_NOTHING_TO_REPORT, noForeignRecordings('en'))
    }

    const { complaintLetters, caseNotes, sendingLanguage } = await import('../core/complaint/letters-adapter')
    const { pickAuthorities, NoAuthorityError } = await import('../core/complaint/pick')
    const { deadlineFor } = await import('../core/complaint/deadlines')
    const { today, now } = clock(io.env)
    let choice
    try {
      choice = pickAuthorities(facts)
    } catch (err) {
      if (err instanceof NoAuthorityError) return fail(EXIT_CANNOT_OPEN, `${err.message} Give person.country as the ISO code of an EEA country, the UK or Switzerland.`)
      throw err
    }
    const kinds = ['controller-notice', 'art77-complaint', 'breach-report', 'victim-request', 'follow-up'] as const
    // Each note on the terminal too: language, law, missing dates, PGP, as the app shows them.
    for (const f of await complaintLetters.files(facts, evidence, kinds, { today })) {
      io.signal?.throwIfAborted()
      await put(f.name, f.bytes)
    }
    await put('deadline.ics', complaintLetters.ics(facts, { today, now }))
    for (const panel of complaintLetters.panels(facts, evidence, { today })) await put(`form-${panel.authority}.txt`, panelText(panel))

    const d = deadlineFor(facts, { today })
    progress.done(`wrote ${plural(written.length, 'file')} in ${seconds(since(started))}`)
    const withheld = complaintLetters.withheld(facts, evidence, kinds, { today })
    const written5 = kinds.filter((k) => !withheld.some((w) => w.kind === k))
    const { casePlan } = await import('../core/complaint/plan')
    const lines = [
      `Letters     ${printable(options.out)} (${plural(written5.length, 'letter')} as PDF and text, deadline.ics${written.some((w) => w.name.startsWith('form-')) ? ', web-form panels' : ''})`,
      ...written5.map((k) => `            ${k}: ${sendingLanguage(k, facts!, choice)}${sendingLanguage(k, facts!, choice) !== facts!.lang ? ` (reading copy in ${facts!.lang})` : ''}`),
      ...withheld.map((w) => `Not written ${w.kind}: ${printable(w.reason)}`),
      `Complaint   ${printable(choice.complaint.name)} (${choice.complaint.slug}), data of ${choice.complaint.dataDate}${choice.complaint.webform ? `\n            web form ${choice.complaint.webform}` : ''}${choice.complaint.email ? `\n            e-mail ${choice.complaint.email}` : ''}`,
      `Lead        ${choice.lead ? `${printable(choice.lead.name)} (${choice.lead.slug})` : 'none known'}`,
      `Deadline    ${d.effectiveDue} (one month from the company's receipt on ${d.receiptDate}${d.receiptEstimated ? ', estimated for a posted notice' : ''}); with an extension ${d.extendedDue}${d.overdue ? '\n            passed or refused: the follow-up letter is written' : ''}`,
      'Plan',
      ...casePlan(facts, today).map((p) => `  ${p.date}  ${p.step.padEnd(16)}${p.done ? 'done  ' : '      '}${printable(p.text)}`),
      'Notes',
      ...caseNotes(facts, evidence, today).map((n) => `  - ${printable(n)}`),
      `Evidence    ${plural(evidence.foreignRecordings, 'foreign recording')}; export SHA-256 ${evidence.archiveSha256 ?? 'not computed'}`,
      `Manifest    SHA-256 ${evidence.manifestSha256 ?? 'none'}${options.bundlePath ? ` (from ${printable(basename(options.bundlePath))})` : ' (manifest.json beside the letters; the letters print it)'}`,
      ...(evidence.rootSha256 ? [`Root        SHA256SUMS of the bundle, SHA-256 ${evidence.rootSha256} (the letters print it)`] : []),
      ...written.map((w) => `  ${w.name}  ${bytes(w.bytes)}`)
    ]
    io.stdout.write(`${lines.join('\n')}\n`)
    return EXIT_OK
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    throw err
  } finally {
    await archive.close()
  }
}


async function folderProblem(path: string): Promise<string | null> {
  try {
    const s = await stat(path)
    return s.isDirectory() ? null : `${path} is a file; --out takes a folder.`
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : `${path} cannot be used: ${(err as Error).message}.`
  }
}

/** Every field the facts need, with what the export suggests and blanks for the rest. */
function factsTemplate(suggested: { person?: { name?: string; email?: string }; accountId?: string; controller?: string; service?: string }, lang: LetterLang) {
  return {
    person: { name: suggested.person?.name ?? '', address: '', email: suggested.person?.email ?? '', country: '', region: '' },
    accountId: suggested.accountId ?? '',
    controller: suggested.controller ?? '',
    service: suggested.service ?? '',
    requestDate: 'YYYY-MM-DD',
    receiptDate: 'YYYY-MM-DD',
    discoveryDate: 'YYYY-MM-DD',
    controllerReference: '',
    channel: 'webform',
    priorContact: '',
    harm: '',
    shareIdentityWithController: true,
    victimRemedy: 'restriction',
    lang
  }
}

function panelText(panel: { title: string; url: string | null; fields: { label: string; text: string; chars: number; limit: number | null; over: boolean }[]; warnings: string[] }): string {
  const out = [panel.title, panel.url ?? '', '']
  for (const f of panel.fields) {
    const limit = f.limit === null ? 'limit unknown' : `limit ${f.limit}`
    out.push(`== ${f.label} (${f.chars} characters, ${limit}${f.over ? ', TOO LONG' : ''})`, f.text, '')
  }
  if (panel.warnings.length > 0) out.push('Warnings:', ...panel.warnings.map((w) => `- ${w}`))
  return `${out.join('\n')}\n`
}
