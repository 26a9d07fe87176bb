import type { Recording } from '../../shared/model/recording'
import { ColumnRecording, TextMark } from '../providers/csv/recording-columns'
import { fixed, type JsonBytes } from './json-bytes'

// A row sits in the report's `recordings` array: its braces at four spaces, its members at six.
const ROW_CLOSE = fixed('\n    }')
const MEMBER = '\n      '
const ELEMENT = fixed('\n        ')
const NEXT_ELEMENT = fixed(',\n        ')
const LIST_CLOSE = fixed('\n      ]')

const K_SIGNALS = fixed(`,${MEMBER}"signals": `)

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const absent = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'

/** One value at a member's depth; anything but a string, null or a number (never met in a Recording) goes through JSON.stringify. */
function value(out: JsonBytes, v: unknown, indent: string): void {
  if (typeof v === 'string') out.string(v)
  else if (v === null) out.ascii('null')
  else if (typeof v === 'number') out.number(v)
  else out.text((JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`))
}

function list(out: JsonBytes, xs: readonly unknown[]): void {
  if (xs.length === 0) return out.ascii('[]')
  out.ascii('[')
  for (let i = 0; i < xs.length; i++) {
    out.bytes(i === 0 ? ELEMENT : NEXT_ELEMENT)
    const x = xs[i]
    if (absent(x)) out.ascii('null')
    else value(out, x, '        ')
  }
  out.bytes(LIST_CLOSE)
}

// The row's members before its two lists, in the order toRecording (scan-report.ts) gives them.
const MEMBERS = ['id', 'provider', 'time', 'deviceId', 'audioPath', 'part', 'archiveTime', 'durationMs', 'transcript', 'language', 'verdict'] as const
const LEFT_OUT = 0
const NULL = 1
const VALUE = 2

/**
 * The fixed bytes of a row whose members are left out, null or given in one pattern: `pieces[k]`
 * comes before the k-th given value, the last piece after the last one (the lists' keys, and the
 * empty lists themselves when `plain`). So a row is a handful of copies and its values, instead of
 * a key and a test per member: the nulls and keys between two values are one piece. The provider
 * and the verdict, a few texts per export, are part of the pieces too.
 */
interface Shape {
  pieces: Uint8Array[]
  /** The first piece after the comma and line end that part this row from the one before. */
  afterComma: Uint8Array
  /** Which members have a value (indices into MEMBERS) that is not in the pieces, in order. */
  given: number[]
  /** No reasons and no signals: the last piece ends the row. */
  plain: boolean
  /** The pieces' bytes together. */
  size: number
}
const PROVIDER = 1
const VERDICT = 10
// By code, then by provider and verdict.
const shapes = new Map<number, Map<string, Shape>>()

function shapeOf(code: number, provider: unknown, verdict: unknown): Shape {
  const byText = shapes.get(code) ?? new Map<string, Shape>()
  shapes.set(code, byText)
  // The provider and verdict are written into the pieces when they are texts (the key tells texts from other values).
  const bakeProvider = typeof provider === 'string'
  const bakeVerdict = typeof verdict === 'string'
  const key = `${bakeProvider ? `"${provider}` : ''}\u0000${bakeVerdict ? `"${verdict}` : ''}`
  const known = byText.get(key)
  if (known) return known
  const states: number[] = []
  for (let c = code >> 1, k = 0; k < MEMBERS.length; k++, c = Math.floor(c / 3)) states.unshift(c % 3)
  const plain = (code & 1) === 1
  const pieces: Uint8Array[] = []
  const given: number[] = []
  let text = '    {'
  let first = true
  MEMBERS.forEach((key, k) => {
    if (states[k] === LEFT_OUT) return
    text += `${first ? '' : ','}${MEMBER}${JSON.stringify(key)}: `
    first = false
    if (states[k] === NULL) text += 'null'
    else if (k === PROVIDER && bakeProvider) text += JSON.stringify(provider)
    else if (k === VERDICT && bakeVerdict) text += JSON.stringify(verdict)
    else {
      pieces.push(fixed(text))
      given.push(k)
      text = ''
    }
  })
  text += `${first ? '' : ','}${MEMBER}"reasons": `
  if (plain) text += `[],${MEMBER}"signals": []\n    }`
  pieces.push(fixed(text))
  const afterComma = fixed(`,\n${Buffer.from(pieces[0]!).toString('utf8')}`)
  const shape = { pieces, afterComma, given, plain, size: afterComma.length + pieces.slice(1).reduce((n, p) => n + p.length, 0) }
  byText.set(key, shape)
  return shape
}

const stateOf = (v: unknown): number => (v === null ? NULL : absent(v) ? LEFT_OUT : VALUE)

// The shape of the row before: most rows of an export have the same one.
let lastCode = -1
let lastProvider: unknown
let lastVerdict: unknown
let lastShape: Shape | null = null
/** The row's given values, in the shape's order, and its members in MEMBERS' order (reused: no arrays per row). */
const values: unknown[] = []
const members: unknown[] = new Array<unknown>(MEMBERS.length).fill(null)

/**
 * A report row written straight from the recording, byte for byte what `toRecording` (scan-report.ts)
 * gives through `JSON.stringify(report, null, 2)`: the same members in the same order, a member
 * whose value is undefined left out as JSON.stringify leaves it out. Writing the row object and
 * its two arrays per recording first cost as much as the writing (scan-report.test.ts compares both).
 * `comma`: the row follows another, so a comma and a line end come first.
 */
export function writeRecordingJson(out: JsonBytes, r: Recording, verdict: string, reasons: readonly string[], comma = false): void {
  // Each member read once, in MEMBERS' order: a recording kept as columns gives them from its
  // columns, its id and time as marks it writes as bytes itself (no string made for either).
  if (!(r instanceof ColumnRecording && r.reportMembers(members))) {
    const audio = r.audio
    members[0] = r.id
    members[1] = r.provider
    members[2] = r.time
    members[3] = r.deviceId
    members[4] = audio?.path ?? null
    members[5] = audio?.part ?? null
    members[6] = r.archiveTime
    members[7] = r.durationMs
    members[8] = r.transcript
    members[9] = r.language
  }
  members[10] = verdict
  const provider = members[1]
  const signals = r.signals
  // Base 3 per member (left out, null, given), then one bit for empty lists.
  let code = 0
  for (let k = 0; k < MEMBERS.length; k++) code = code * 3 + stateOf(members[k])
  const plain = reasons.length === 0 && signals.length === 0
  code = code * 2 + (plain ? 1 : 0)
  let shape = lastShape
  if (shape === null || code !== lastCode || provider !== lastProvider || verdict !== lastVerdict) {
    shape = lastShape = shapeOf(code, provider, verdict)
    lastCode = code
    lastProvider = provider
    lastVerdict = verdict
  }
  const { pieces, given } = shape
  // The room the row needs at most; any value not a text (a duration) takes the checked way.
  let need = shape.size
  let texts = true
  for (let k = 0; k < given.length; k++) {
    const v = members[given[k]!]
    values[k] = v
    if (typeof v === 'string') need += v.length * 6 + 2
    else if (v instanceof TextMark) need += v.bytes + 2
    else texts = false
  }
  if (texts) {
    out.reserve(need)
    out.put(comma ? shape.afterComma : pieces[0]!)
    for (let k = 0; k < given.length; k++) {
      const v = values[k]
      if (typeof v === 'string') out.putString(v)
      else out.putQuoted(r as ColumnRecording, (v as TextMark).what)
      out.put(pieces[k + 1]!)
    }
  } else {
    out.bytes(comma ? shape.afterComma : pieces[0]!)
    for (let k = 0; k < given.length; k++) {
      const v = values[k]
      if (typeof v === 'string') out.string(v)
      else if (v instanceof TextMark) out.quoted(r as ColumnRecording, v.what, v.bytes)
      else value(out, v, '      ')
      out.bytes(pieces[k + 1]!)
    }
  }
  if (plain) return
  list(out, reasons)
  out.bytes(K_SIGNALS)
  list(out, signals)
  out.bytes(ROW_CLOSE)
}
