import type { Recording } from '../../shared/model/recording'
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
 * a key and a test per member: the nulls and keys between two values are one piece.
 */
interface Shape {
  pieces: Uint8Array[]
  /** Which members have a value (indices into MEMBERS), in order. */
  given: number[]
  /** No reasons and no signals: the last piece ends the row. */
  plain: boolean
}
const shapes = new Map<number, Shape>()

function shapeOf(code: number): Shape {
  const known = shapes.get(code)
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
    else {
      pieces.push(fixed(text))
      given.push(k)
      text = ''
    }
  })
  text += `${first ? '' : ','}${MEMBER}"reasons": `
  if (plain) text += `[],${MEMBER}"signals": []\n    }`
  pieces.push(fixed(text))
  const shape = { pieces, given, plain }
  shapes.set(code, shape)
  return shape
}

const stateOf = (v: unknown): number => (v === null ? NULL : absent(v) ? LEFT_OUT : VALUE)

/**
 * A report row written straight from the recording, byte for byte what `toRecording` (scan-report.ts)
 * gives through `JSON.stringify(report, null, 2)`: the same members in the same order, a member
 * whose value is undefined left out as JSON.stringify leaves it out. Writing the row object and
 * its two arrays per recording first cost as much as the writing (scan-report.test.ts compares both).
 */
export function writeRecordingJson(out: JsonBytes, r: Recording, verdict: string, reasons: readonly string[]): void {
  const audioPath = r.audio?.path ?? null
  const part = r.audio?.part ?? null
  // Base 3 per member (left out, null, given), then one bit for empty lists.
  let code = stateOf(r.id)
  code = code * 3 + stateOf(r.provider)
  code = code * 3 + stateOf(r.time)
  code = code * 3 + stateOf(r.deviceId)
  code = code * 3 + stateOf(audioPath)
  code = code * 3 + stateOf(part)
  code = code * 3 + stateOf(r.archiveTime)
  code = code * 3 + stateOf(r.durationMs)
  code = code * 3 + stateOf(r.transcript)
  code = code * 3 + stateOf(r.language)
  code = code * 3 + stateOf(verdict)
  const plain = reasons.length === 0 && r.signals.length === 0
  const { pieces, given } = shapeOf(code * 2 + (plain ? 1 : 0))
  for (let k = 0; k < given.length; k++) {
    out.bytes(pieces[k]!)
    let v: unknown
    switch (given[k]) {
      case 0: v = r.id; break
      case 1: v = r.provider; break
      case 2: v = r.time; break
      case 3: v = r.deviceId; break
      case 4: v = audioPath; break
      case 5: v = part; break
      case 6: v = r.archiveTime; break
      case 7: v = r.durationMs; break
      case 8: v = r.transcript; break
      case 9: v = r.language; break
      default: v = verdict
    }
    if (typeof v === 'string') out.string(v)
    else value(out, v, '      ')
  }
  out.bytes(pieces[given.length]!)
  if (plain) return
  list(out, reasons)
  out.bytes(K_SIGNALS)
  list(out, r.signals)
  out.bytes(ROW_CLOSE)
}
