import { basename } from 'node:path/posix'
import type { Recording, RecordingSignal } from '../../../shared/model/recording'
import type { ExportView, ViewEntry } from '../export-view'
import { clip } from '../clip'
import { stableId } from '../ids'
import { matchByTime, type Timed } from '../match-by-time'
import { errorText, problem } from '../read-text'
import type { ParseContext, ProviderItem } from '../types'
import { readAudioName } from './audio-name'
import type { AmazonFiles } from './files'
import { AMAZON, deviceKey } from './keys'
import { readTranscriptPdf, type TranscriptRow } from './transcript-pdf'

// The 2018 PDF and the file names were written from the same clock; allow for rounding either way.
const PDF_TOLERANCE_MS = 2000

type PdfRow = TranscriptRow & { file: ViewEntry }

function recordingOf(audio: ViewEntry | null, row: PdfRow | null, serialByName: ReadonlyMap<string, string>): { recording: Recording; device: { key: string; serial: string | null; name: string | null } | null } {
  const fromName = audio ? readAudioName(basename(audio.path)) : { time: null, serial: null }
  // A row whose audio is missing names only the device; its serial is known from the rows that have audio.
  const named = { ...fromName, serial: fromName.serial ?? (row?.device ? (serialByName.get(row.device) ?? null) : null) }
  const key = deviceKey(named.serial, row?.device ?? null)
  const signals: RecordingSignal[] = row ? [] : ['metadata-missing']
  const fields: Record<string, string> = {}
  // Cut as every reader cuts what a recording keeps (clip.ts): a row runs on over every line of its page without a time.
  if (row) Object.assign(fields, { page: String(row.page), line: String(row.line), text: clip(row.raw) })
  if (audio) fields.audio = audio.path
  return {
    device: key ? { key, serial: named.serial, name: row?.device ? clip(row.device) : null } : null,
    recording: {
      id: audio ? stableId('r', AMAZON, audio.key) : stableId('r', AMAZON, row!.file.key, row!.page, row!.line),
      provider: AMAZON,
      time: row?.time ?? named.time,
      archiveTime: audio?.entry.info.localTime ?? null,
      deviceId: key,
      accountId: null,
      audio: audio ? { path: audio.path, part: audio.part, size: audio.entry.info.size } : null,
      durationMs: null,
      transcript: row?.transcript ? clip(row.transcript) : null,
      response: null,
      language: null,
      signals,
      source: { file: row ? row.file.path : audio!.path, part: row ? row.file.part : audio!.part, line: null, fields }
    }
  }
}

/**
 * Alexa audio no voice-history row named: tied to transcript-PDF rows by the time in its name
 * (the 2018 layout), else listed as audio without metadata. PDF rows left over are recordings without audio.
 */
export async function* readLeftoverAudio(view: ExportView, files: AmazonFiles, ctx: ParseContext): AsyncGenerator<ProviderItem> {
  const rows: PdfRow[] = []
  for (const pdf of files.transcriptPdfs) {
    ctx.onProgress?.({ provider: AMAZON, file: pdf.path, recordings: 0 })
    try {
      for (const row of await readTranscriptPdf(await view.open(pdf))) rows.push({ ...row, file: pdf })
    } catch (err) {
      yield { type: 'problem', problem: problem(AMAZON, 'unreadable-pdf', pdf.path, `cannot read the transcript PDF: ${errorText(err)}`) }
    }
  }
  const audio = files.audio.filter((e) => !ctx.claimed.has(e))
  const timed: Array<Timed<ViewEntry>> = []
  const untimed: ViewEntry[] = []
  for (const a of audio) {
    const t = readAudioName(basename(a.path)).time
    if (t) timed.push({ t: Date.parse(t), item: a })
    else untimed.push(a)
  }
  const match = matchByTime(timed, rows.map((r) => ({ t: Date.parse(r.time), item: r })), -PDF_TOLERANCE_MS, PDF_TOLERANCE_MS)
  const serialByName = new Map<string, string>()
  for (const [a, r] of match.pairs) {
    const serial = readAudioName(basename(a.path)).serial
    if (serial && r.device) serialByName.set(r.device, serial)
  }
  const out = [
    ...match.pairs.map(([a, r]) => recordingOf(a, r, serialByName)),
    ...[...match.unmatchedAudio, ...untimed].map((a) => recordingOf(a, null, serialByName)),
    ...match.unmatchedRows.map((r) => recordingOf(null, r, serialByName))
  ]
  if (rows.length > 0 && match.unmatchedRows.length > 0) {
    yield { type: 'problem', problem: problem(AMAZON, 'audio-not-found', rows[0]!.file.path, `${match.unmatchedRows.length} transcript rows have no audio file with the same time`) }
  }
  for (const { recording, device } of out) {
    ctx.signal?.throwIfAborted()
    if (device) yield { type: 'device', device }
    yield { type: 'recording', recording }
  }
}
