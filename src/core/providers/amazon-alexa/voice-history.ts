import type { ColumnMapping, RecordingSignal, VoiceField } from '../../../shared/model/recording'
import type { AudioLookup } from '../audio-lookup'
import { cellAt, cellText, headerSignature, normalizeHeader, resolveColumns } from '../csv/columns'
import { fresh, Interner } from '../clip'
import { CellInterner } from '../csv/byte-interner'
import { MAX_RECORD_CHARS, scanCsv, type CsvRecordSink } from '../csv/read-csv'
import { RowStore, rowSources } from '../csv/row-store'
import { RecordingColumns, type ColumnRow } from '../csv/recording-columns'
import type { CsvRecord } from '../csv/record'
import { normalizeName, type ExportView, type ViewEntry } from '../export-view'
import { StableIds } from '../ids'
import { ProblemLog } from '../problem-log'
import { toUtcIso, wholeSecondMsIn } from '../time'
import type { DeviceFact, ParseContext, ProviderItem } from '../types'
import aliases from './aliases.json'
import { AMAZON, deviceKey } from './keys'

type Columns = Partial<Record<VoiceField, number>>

const PROGRESS_EVERY = 2000

/** The mapping a person gave for this file (by path) or for any file with this header. */
export function findMapping(mappings: ReadonlyArray<ColumnMapping>, file: ViewEntry, signature: string): ColumnMapping | undefined {
  return mappings.find((m) => (m.file !== undefined && normalizeName(m.file) === normalizeName(file.path)) || m.signature === signature)
}

function columnsFromMapping(header: readonly string[], mapping: ColumnMapping): Columns {
  const at = new Map(header.map((h, i) => [normalizeHeader(h), i]))
  const cols: Columns = {}
  for (const [field, name] of Object.entries(mapping.columns) as Array<[VoiceField, string]>) {
    const i = at.get(normalizeHeader(name))
    if (i !== undefined) cols[field] = i
  }
  return cols
}

const readable = (c: Columns): boolean => c.time !== undefined && (c.transcript !== undefined || c.audio !== undefined)

// Statuses repeat on every row ('SUCCESS'): each is judged by the patterns once.
const statusSignals = new Map<string, RecordingSignal[]>()

// Nearly every row has no signal: those recordings share one frozen empty list instead of an array each.
const NO_SIGNALS = Object.freeze([]) as unknown as RecordingSignal[]

/** The status's signals, shared and frozen: a row that adds one (audio-missing) copies them first. */
function signalsOf(status: string | null): RecordingSignal[] {
  if (!status) return NO_SIGNALS
  let known = statusSignals.get(status)
  if (!known) {
    if (statusSignals.size > 1000) statusSignals.clear()
    const judged = judgeStatus(status)
    statusSignals.set(status, (known = judged.length === 0 ? NO_SIGNALS : (Object.freeze(judged) as RecordingSignal[])))
  }
  return known
}

// The same for rows whose audio is missing: one frozen list per status's list, not a copy per row.
const audioMissing = new Map<RecordingSignal[], RecordingSignal[]>()
function withAudioMissing(signals: RecordingSignal[]): RecordingSignal[] {
  let known = audioMissing.get(signals)
  if (!known) {
    if (audioMissing.size > 1000) audioMissing.clear()
    audioMissing.set(signals, (known = Object.freeze([...signals, 'audio-missing']) as RecordingSignal[]))
  }
  return known
}

function judgeStatus(status: string): RecordingSignal[] {
  if (/non[_ ]?device[_ ]?directed/i.test(status)) return ['not-device-directed']
  if (/not be understood|not understood|no[_ ]intent|unverst/i.test(status)) return ['not-understood']
  return []
}

export interface VoiceHistoryOptions {
  /** The file's name makes it voice history even when its header is unknown: report it for mapping. */
  namedAsVoiceHistory: boolean
  /** (The audio a row names is claimed with its recording, so it is not listed again as audio without metadata.) */
  audio: AudioLookup
}

/**
 * One voice-history CSV, row by row: each row a recording with its device, account, transcript and
 * audio. A header we cannot map yields 'unmapped-csv' (unless a mapping answers it) and no rows.
 */
export async function* readVoiceHistory(view: ExportView, file: ViewEntry, ctx: ParseContext, opts: VoiceHistoryOptions): AsyncGenerator<ProviderItem> {
  const log = new ProblemLog(AMAZON, file.path)
  let header: string[] = []
  let cols: Columns = {}
  let count = 0
  // The row's fields and the recording then share one copy of each cell, repeated values once
  // (device names, statuses, and transcripts: "stop", "volume up": a heavy user's 100,000 rows
  // say a few thousand things), found from the cell's bytes without making a string.
  const cellsOnce = new CellInterner(new Interner())
  const ids = new StableIds('r', AMAZON, file.part, file.path)
  // Per device key, the fact last handed on: readExport merges facts first-value-wins, so a row
  // that repeats it (nearly every row) adds nothing and is not handed on again.
  const facts = new Map<string, DeviceFact>()
  const keys = { bySerial: new Map<string, string | null>(), byName: new Map<string, string | null>() }
  // Items in the order they were read, handed on once per piece of the file.
  const batch: ProviderItem[] = []
  // The recordings read since the last other item: one 'recordings' item in the batch, not one item each.
  let run: Extract<ProviderItem, { type: 'recordings' }> | null = null
  let stop = false
  // One array for every row's cells: what is kept of them is copied out (the recording).
  const cells: string[] = []
  // The rows as written, for each recording's source.fields, made when it is read (row-store.ts).
  let rows: RowStore | null = null
  // The recordings as columns, made with the row store once the header is known.
  let recordings: RecordingColumns | null = null
  const next: ColumnRow = { line: 0, ms: Number.NaN, time: null, deviceId: null, accountId: null, transcript: null, response: null, language: null, signals: NO_SIGNALS, audio: null }
  // The columns a field is read from; the time's only when another field reads it too (a mapping may name one column twice).
  let wanted: number[] = []
  // The audio column read by no other field: its entry is looked for from the cell's bytes first (no string per row).
  let audioApart = false
  let lastStatus: string | null | undefined
  let lastSignals = NO_SIGNALS
  const lastDevice: { serial: string | null | undefined; name: string | null; type: string | null; key: string | null | undefined } = { serial: undefined, name: null, type: null, key: undefined }

  const row = (rec: CsvRecord): void => {
    const line = rec.line
    // Only the columns a field is read from (a cell past the row's end reads ''). Times and audio
    // names differ on every row: a table entry each would only churn the interner (and the GC), so
    // they are made as they are (a string of their own, shorter than the limit).
    for (let k = 0; k < wanted.length; k++) {
      const i = wanted[k]!
      cells[i] = i === cols.time || i === cols.audio ? fresh(rec.text(i)) : cellsOnce.get(rec, i)
    }
    // Alexa's own form is read from the cell's bytes as milliseconds: its ISO text is made when asked (recording-columns.ts).
    const ms = cols.time !== undefined && cols.time < rec.count && rec.isPlain(cols.time) ? wholeSecondMsIn(rec.buf, rec.start(cols.time), rec.end(cols.time)) : Number.NaN
    let time: string | null = null
    if (ms !== ms) {
      const rawTime = cols.time === undefined ? null : cellAt([fresh(rec.text(cols.time))], 0)
      time = rawTime ? toUtcIso(rawTime) : null
      if (rawTime && !time) log.add('bad-time', () => `cannot read the time "${rawTime}"`, line)
      if (!rawTime) log.add('bad-time', 'the row has no time', line)
    }
    // The next audio entry is nearly always the one named: found from the cell's bytes, the name is
    // made as text only when it is not (a cell is plain when it is ASCII without quotes to undo).
    const a = cols.audio
    let audioEntry: ViewEntry | null = null
    let audioName: string | null = null
    if (audioApart && a! < rec.count && rec.isPlain(a!)) audioEntry = opts.audio.nextByBytes(rec.buf, rec.start(a!), rec.end(a!), file)
    if (audioEntry === null) {
      audioName = audioApart ? cellText(fresh(rec.text(a!))) : cellAt(cells, a)
      audioEntry = audioName ? opts.audio.find(audioName, file) : null
    }
    const status = cellAt(cells, cols.status)
    // (Statuses come in runs, and are interned: the last one's signals, without a lookup.)
    if (status !== lastStatus) lastSignals = signalsOf((lastStatus = status))
    let signals = lastSignals
    if (audioName && !audioEntry) {
      signals = withAudioMissing(signals)
      log.add('audio-not-found', () => `the audio file "${audioName}" is not in the export`, line)
    }
    const serial = cellAt(cells, cols.deviceSerial)
    const name = cellAt(cells, cols.deviceName)
    const type = cellAt(cells, cols.deviceType)
    // Rows of one device come in runs: the row before's device, when it named the same, is this one's (its fact handed on already).
    const same = serial === lastDevice.serial && name === lastDevice.name && type === lastDevice.type
    // Serials and names are interned: one key string per device, not one per row.
    const known = serial !== null ? keys.bySerial : keys.byName
    let key = same ? lastDevice.key : known.get(serial ?? name ?? '')
    if (key === undefined) known.set(serial ?? name ?? '', (key = deviceKey(serial, name)))
    if (!same) {
      lastDevice.serial = serial
      lastDevice.name = name
      lastDevice.type = type
      lastDevice.key = key
    }
    if (key && !same) {
      const last = facts.get(key)
      if (!last || last.serial !== serial || last.name !== name || last.type !== type) {
        const device = { key, serial, name, type }
        facts.set(key, device)
        batch.push({ type: 'device', device })
        // The device comes before the recordings that name it: later ones start a run of their own.
        run = null
      }
    }
    rows!.add(rec)
    if (run === null) batch.push((run = { type: 'recordings', recordings: [], entries: [], times: [] }))
    // One row of the columns (the row object is reused): the recording makes its id, ISO time,
    // audio reference and source when asked (recording-columns.ts).
    next.line = line
    next.ms = ms
    next.time = time
    next.deviceId = key
    next.accountId = cellAt(cells, cols.account)
    next.transcript = cellAt(cells, cols.transcript)
    next.response = cellAt(cells, cols.response)
    next.language = cellAt(cells, cols.language)
    next.signals = signals
    next.audio = audioEntry ? audioEntry.entry : null
    run.recordings.push(recordings!.add(next))
    run.entries.push(audioEntry && opts.audio.uniqueNames ? audioEntry : undefined)
    run.times!.push(ms)
    count++
  }

  const sink: CsvRecordSink = {
    header(h, delimiter) {
      header = h
      const signature = headerSignature(header)
      const mapping = findMapping(ctx.mappings, file, signature)
      cols = mapping ? columnsFromMapping(header, mapping) : resolveColumns(header, aliases.voiceHistoryColumns)
      if (readable(cols)) {
        const timeShared = Object.entries(cols).some(([field, i]) => field !== 'time' && i === cols.time)
        audioApart = cols.audio !== undefined && !Object.entries(cols).some(([field, i]) => field !== 'audio' && i === cols.audio)
        wanted = [...new Set(Object.values(cols) as number[])].filter((i) => (i !== cols.time || timeShared) && (i !== cols.audio || !audioApart))
        // (Filled first, in order, so the array stays packed whichever columns are read.)
        for (let i = 0; i < header.length || wanted.some((w) => w >= i); i++) cells[i] = ''
        rows = new RowStore(delimiter, MAX_RECORD_CHARS)
        recordings = new RecordingColumns(AMAZON, ids, rowSources(file.path, file.part, header, rows))
        return
      }
      const guessed = Object.fromEntries(Object.entries(cols).map(([f, i]) => [f, header[i as number]!]))
      // A CSV that only sits near Alexa's files is voice history only if two of its columns say so.
      if (opts.namedAsVoiceHistory || mapping || Object.keys(cols).length >= 2) {
        batch.push({ type: 'unmapped-csv', csv: { file: file.path, part: file.part, header, signature, delimiter, guessed } })
        log.add('unknown-header', mapping ? 'the column mapping given for this file names no time column in it' : `voice history with a header we do not know: ${header.join(', ')}`, 1)
      }
      // No rows are read from a file whose columns are not known.
      stop = true
    },
    row: (rec) => {
      if (!stop) row(rec)
    },
    error: (line, message) => {
      if (!stop) log.add('malformed-csv', message, line)
    },
    // (The piece's rows are copied out of the scanner's buffer before it is reused.)
    pieceEnd: () => rows?.flush()
  }
  let nextProgress = PROGRESS_EVERY
  for await (const _ of scanCsv(await view.open(file), sink, ctx.signal)) {
    // Progress once per piece that passed the next 2,000 rows, not from the row code: a call it met
    // first at its 2,000th row, after V8 had optimised it, made V8 throw that code away and compile it again.
    if (count >= nextProgress) {
      ctx.onProgress?.({ provider: AMAZON, file: file.path, recordings: count })
      nextProgress = count - (count % PROGRESS_EVERY) + PROGRESS_EVERY
    }
    if (batch.length > 0) {
      // (Handed on as a copy, and the one array kept: a fresh one per piece made V8 throw away the
      // optimised row code once, at the first object pushed into it, and compile it again.)
      yield { type: 'batch', items: batch.splice(0) }
      run = null
    }
    if (stop) break
  }
  if (batch.length > 0) yield { type: 'batch', items: batch }
  opts.audio.reportAmbiguous(file, log)
  for (const p of log.drain()) yield { type: 'problem', problem: p }
}
