import type { AudioRef, Recording, RecordingSignal, RecordingSource } from '../../../shared/model/recording'
import { partOf, pathOf, sizeOf, type ArchiveEntry } from '../../archive/types'
import { TimedRecording } from '../../read-times'
import { widened } from '../../typed-arrays'
import type { QuotedSource } from '../../report/json-bytes'
import { StableIds } from '../ids'
import { ISO_MAX, isoOfMs, putIso } from '../time'

/** What ColumnRecording.putText writes: the id, or the time. */
export const ID = 0
export const TIME = 1

/** A report member that a recording kept as columns writes as bytes itself (putText): which one, and at most how many bytes. */
export class TextMark {
  constructor(
    readonly what: number,
    readonly bytes: number
  ) {}
}
const TIME_MARK = new TextMark(TIME, ISO_MAX)

/** What one row gives its recording; the columns keep it (the fields of Recording a CSV row can set). */
export interface ColumnRow {
  line: number
  /** UTC milliseconds of a whole-second time; NaN when the row's time is `time` below (or none). */
  ms: number
  /** The time's text when `ms` is NaN (another form, or null for none). */
  time: string | null
  deviceId: string | null
  accountId: string | null
  transcript: string | null
  response: string | null
  language: string | null
  signals: RecordingSignal[]
  /** The audio entry the row names, when the export has it. */
  audio: ArchiveEntry | null
}

/**
 * The recordings of one CSV as columns: each recording is a `ColumnRecording` of two fields (this
 * table and its row), whose getters answer the contract's fields from here, making the id, the
 * ISO time, the audio reference and the source only when asked. A heavy user's 100,000 rows were
 * five objects each (~290 bytes: the recording, its audio, source, id and time), which every
 * young-generation collection copied twice; here they are one object of 40 bytes and columns.
 * What leaves the engine as plain data goes through plainRecording (a spread or toEqual sees only
 * the two fields, and throws where tests run; a structured clone fails); JSON.stringify does it through toJSON.
 */
export class RecordingColumns {
  private count = 0
  private lines = new Int32Array(16)
  // The id's two lanes per row (StableIds.lanesOf of its line): the id is made or written without hashing the line again.
  private idA = new Int32Array(16)
  private idB = new Int32Array(16)
  private ms = new Float64Array(16)
  /** Ids made for callers that keep them (see id), by row; empty until the first is asked. */
  private readonly idTexts: Array<string | undefined> = []
  // Times that are not whole-second ones, by row (rare: Alexa writes whole seconds).
  private readonly otherTimes = new Map<number, string | null>()
  private readonly deviceIds: Array<string | null> = []
  private readonly accountIds: Array<string | null> = []
  private readonly transcripts: Array<string | null> = []
  private readonly responses: Array<string | null> = []
  private readonly languages: Array<string | null> = []
  private readonly signals: RecordingSignal[][] = []
  private readonly audios: Array<ArchiveEntry | null> = []
  /** Fields given another value after reading (a colliding id gets a suffix), by row; null while none. */
  private changed: Map<number, Partial<Recording>> | null = null
  /** The mark reportMembers gives for the id: the most bytes putText writes for it. */
  private readonly idMark: TextMark

  /**
   * @param ids the recordings' ids from their lines (the file's)
   * @param sourceAt the row's source from its line (rowSources: its fields made when read)
   */
  constructor(
    readonly provider: string,
    private readonly ids: StableIds,
    private readonly sourceAt: (line: number) => RecordingSource
  ) {
    this.idMark = new TextMark(ID, ids.maxBytes)
  }

  add(row: ColumnRow): ColumnRecording {
    const k = this.count
    if (k === this.lines.length) {
      this.lines = widened(this.lines, k * 2)
      this.idA = widened(this.idA, k * 2)
      this.idB = widened(this.idB, k * 2)
      this.ms = widened(this.ms, k * 2)
    }
    this.lines[k] = row.line
    const lanes = this.ids.lanesOf(row.line)
    this.idA[k] = lanes[0]!
    this.idB[k] = lanes[1]!
    this.ms[k] = row.ms
    if (row.ms !== row.ms) this.otherTimes.set(k, row.time)
    this.deviceIds.push(row.deviceId)
    this.accountIds.push(row.accountId)
    this.transcripts.push(row.transcript)
    this.responses.push(row.response)
    this.languages.push(row.language)
    this.signals.push(row.signals)
    this.audios.push(row.audio)
    this.count = k + 1
    return new ColumnRecording(this, k)
  }

  /** The value set for `field` of row `k` after reading, or undefined (the column's then). */
  private changedOf<F extends keyof Recording>(k: number, field: F): Recording[F] | undefined {
    if (this.changed === null) return undefined
    const c = this.changed.get(k)
    return c !== undefined && field in c ? c[field] : undefined
  }

  private change<F extends keyof Recording>(k: number, field: F, value: Recording[F]): void {
    this.changed ??= new Map()
    let c = this.changed.get(k)
    if (c === undefined) this.changed.set(k, (c = {}))
    c[field] = value
  }

  // Field by field, for ColumnRecording's getters and setters (the columns stay private to this file's two classes).
  /**
   * The id, made once and kept when first asked: the app's maps by id (audio's entries, the review's
   * id set, the details' index) then share one string per recording instead of making one each.
   * The reading's own uniqueness check asks `uncachedId`, so a scan that writes ids as bytes keeps none.
   */
  id(k: number): string {
    const v = this.changedOf(k, 'id')
    if (v !== undefined) return v
    const texts = this.idTexts
    let text = k < texts.length ? texts[k] : undefined
    if (text === undefined) {
      text = this.ids.textOf(this.idA[k]!, this.idB[k]!)
      // Grown in order up to the row (an element set far past the end would make the array a slow dictionary).
      while (texts.length < k) texts.push(undefined)
      texts[k] = text
    }
    return text
  }
  /** The id as `id` gives it, without keeping a string made for it. */
  uncachedId(k: number): string {
    const v = this.changedOf(k, 'id')
    return v !== undefined ? v : ((k < this.idTexts.length ? this.idTexts[k] : undefined) ?? this.ids.textOf(this.idA[k]!, this.idB[k]!))
  }
  setId(k: number, v: string): void {
    this.change(k, 'id', v)
  }
  /** NaN when the time is not a whole-second one read from the row (or was set since). */
  timeMs(k: number): number {
    return this.changedOf(k, 'time') !== undefined ? Number.NaN : this.ms[k]!
  }
  time(k: number): string | null {
    const v = this.changedOf(k, 'time')
    if (v !== undefined) return v
    const ms = this.ms[k]!
    return ms === ms ? isoOfMs(ms) : (this.otherTimes.get(k) ?? null)
  }
  deviceId(k: number): string | null {
    return this.deviceIds[k]!
  }
  setDeviceId(k: number, v: string | null): void {
    this.deviceIds[k] = v
  }
  accountId(k: number): string | null {
    return this.accountIds[k]!
  }
  setAccountId(k: number, v: string | null): void {
    this.accountIds[k] = v
  }
  transcript(k: number): string | null {
    return this.transcripts[k]!
  }
  setTranscript(k: number, v: string | null): void {
    this.transcripts[k] = v
  }
  response(k: number): string | null {
    return this.responses[k]!
  }
  setResponse(k: number, v: string | null): void {
    this.responses[k] = v
  }
  language(k: number): string | null {
    return this.languages[k]!
  }
  setLanguage(k: number, v: string | null): void {
    this.languages[k] = v
  }
  signalsOf(k: number): RecordingSignal[] {
    return this.signals[k]!
  }
  setSignals(k: number, v: RecordingSignal[]): void {
    this.signals[k] = v
  }
  audio(k: number): AudioRef | null {
    const v = this.changedOf(k, 'audio')
    if (v !== undefined) return v
    const e = this.audios[k]!
    return e === null ? null : { path: pathOf(e), part: partOf(e), size: sizeOf(e) }
  }
  source(k: number): RecordingSource {
    return this.changedOf(k, 'source') ?? this.sourceAt(this.lines[k]!)
  }
  /**
   * Row `k`'s members of a report row into `m`, in recording-json.ts's order (id, provider, time,
   * deviceId, audioPath, part, archiveTime, durationMs, transcript, language), straight from the
   * columns: the id and a whole-second time as marks that putText writes as bytes (no string made
   * for either, nor an audio reference). False, `m` untouched, when a field of the row was set since:
   * the writer then reads the recording's getters.
   */
  reportMembers(k: number, m: unknown[]): boolean {
    if (this.changed !== null && this.changed.has(k)) return false
    const ms = this.ms[k]!
    const audio = this.audios[k]!
    m[0] = this.idMark
    m[1] = this.provider
    m[2] = ms === ms ? TIME_MARK : (this.otherTimes.get(k) ?? null)
    m[3] = this.deviceIds[k]
    m[4] = audio === null ? null : pathOf(audio)
    m[5] = audio === null ? null : partOf(audio)
    m[6] = null
    m[7] = null
    m[8] = this.transcripts[k]
    m[9] = this.languages[k]
    return true
  }

  /** Row `k`'s id (ID) or whole-second time (TIME) as bytes, without making the string (a TextMark's `what`). */
  putText(k: number, what: number, b: Uint8Array, at: number): number {
    return what === ID ? this.ids.putLanes(this.idA[k]!, this.idB[k]!, b, at) : putIso(this.ms[k]!, b, at)
  }

  /** The provider, archive time and duration: the table's, unless set for the row. */
  other<F extends 'provider' | 'archiveTime' | 'durationMs'>(k: number, field: F, fallback: Recording[F]): Recording[F] {
    const v = this.changedOf(k, field)
    return v !== undefined ? v : fallback
  }
  setOther<F extends 'time' | 'provider' | 'archiveTime' | 'durationMs' | 'audio' | 'source'>(k: number, field: F, v: Recording[F]): void {
    this.change(k, field, v)
  }
}

/**
 * Where tests run (vitest, and the e2e harness, which sets EXPORTSCOPE_REFUSE_COPIES), a column
 * recording refuses to be copied field by field: a spread, Object.assign or a test's toEqual reads
 * every own enumerable property, and this one throws, where the copy would otherwise silently hold
 * only the table and the row. (A structured clone, as Electron's IPC makes, fails anyway on the
 * table's functions.) Not in the app or the CLI: defining it costs ~200 ns a recording, 20 ms at 100,000.
 */
const REFUSE_COPIES = process.env.VITEST === 'true' || process.env.EXPORTSCOPE_REFUSE_COPIES === '1'
const REFUSE: PropertyDescriptor = {
  enumerable: true,
  get(): never {
    throw new TypeError('A recording kept as columns was copied field by field (a spread, Object.assign or toEqual): the copy would hold none of its fields. Copy plainRecording(recording) instead.')
  }
}

/**
 * One recording of a RecordingColumns: its table and row, and the contract's fields as getters (and
 * setters, so it can be changed as a plain recording can). Every ColumnRecording has one shape,
 * so the code that reads recordings sees one kind of object per provider, as before.
 */
export class ColumnRecording extends TimedRecording implements Recording, QuotedSource {
  constructor(
    private readonly table: RecordingColumns,
    private readonly row: number
  ) {
    super()
    if (REFUSE_COPIES) Object.defineProperty(this, 'copied', REFUSE)
  }
  get id(): string {
    return this.table.id(this.row)
  }
  /** The id, for a caller that does not keep it (the reading's uniqueness check): no string kept for it. */
  get uncachedId(): string {
    return this.table.uncachedId(this.row)
  }
  set id(v: string) {
    this.table.setId(this.row, v)
  }
  get provider(): string {
    return this.table.other(this.row, 'provider', this.table.provider)
  }
  set provider(v: string) {
    this.table.setOther(this.row, 'provider', v)
  }
  get time(): string | null {
    return this.table.time(this.row)
  }
  set time(v: string | null) {
    this.table.setOther(this.row, 'time', v)
  }
  get timeMs(): number {
    return this.table.timeMs(this.row)
  }
  get archiveTime(): string | null {
    return this.table.other(this.row, 'archiveTime', null)
  }
  set archiveTime(v: string | null) {
    this.table.setOther(this.row, 'archiveTime', v)
  }
  get deviceId(): string | null {
    return this.table.deviceId(this.row)
  }
  set deviceId(v: string | null) {
    this.table.setDeviceId(this.row, v)
  }
  get accountId(): string | null {
    return this.table.accountId(this.row)
  }
  set accountId(v: string | null) {
    this.table.setAccountId(this.row, v)
  }
  get audio(): AudioRef | null {
    return this.table.audio(this.row)
  }
  set audio(v: AudioRef | null) {
    this.table.setOther(this.row, 'audio', v)
  }
  get durationMs(): number | null {
    return this.table.other(this.row, 'durationMs', null)
  }
  set durationMs(v: number | null) {
    this.table.setOther(this.row, 'durationMs', v)
  }
  get transcript(): string | null {
    return this.table.transcript(this.row)
  }
  set transcript(v: string | null) {
    this.table.setTranscript(this.row, v)
  }
  get response(): string | null {
    return this.table.response(this.row)
  }
  set response(v: string | null) {
    this.table.setResponse(this.row, v)
  }
  get language(): string | null {
    return this.table.language(this.row)
  }
  set language(v: string | null) {
    this.table.setLanguage(this.row, v)
  }
  get signals(): RecordingSignal[] {
    return this.table.signalsOf(this.row)
  }
  set signals(v: RecordingSignal[]) {
    this.table.setSignals(this.row, v)
  }
  get source(): RecordingSource {
    return this.table.source(this.row)
  }
  set source(v: RecordingSource) {
    this.table.setOther(this.row, 'source', v)
  }
  /** Its members of a report row, from the columns (RecordingColumns.reportMembers). */
  reportMembers(m: unknown[]): boolean {
    return this.table.reportMembers(this.row, m)
  }
  /** Its id (ID) or whole-second time (TIME) as bytes at b[at..], for a TextMark reportMembers gave; answers where they end. */
  putText(what: number, b: Uint8Array, at: number): number {
    return this.table.putText(this.row, what, b, at)
  }
  toJSON(): Recording {
    return plainRecording(this)
  }
}

/** A source as plain data: fields made when read become an object of their own. */
export const plainSource = (s: RecordingSource): RecordingSource => ({ file: s.file, part: s.part, line: s.line, fields: s.fields })

/**
 * The recording as plain data, every field its own (the source's too), in the contract's order:
 * for a call's answer, a structured clone or a test's toEqual, which see no getters.
 */
export const plainRecording = (r: Recording): Recording => ({
  id: r.id,
  provider: r.provider,
  time: r.time,
  archiveTime: r.archiveTime,
  deviceId: r.deviceId,
  accountId: r.accountId,
  audio: r.audio,
  durationMs: r.durationMs,
  transcript: r.transcript,
  response: r.response,
  language: r.language,
  signals: r.signals,
  source: plainSource(r.source)
})
