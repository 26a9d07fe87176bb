import type { Recording } from '../../shared/model/recording'
import { fixed, type JsonBytes } from './json-bytes'

// A row sits in the report's `recordings` array: its braces at four spaces, its members at six.
const ROW_OPEN = fixed('    {')
const ROW_CLOSE = fixed('\n    }')
const MEMBER = '\n      '
const ELEMENT = fixed('\n        ')
const NEXT_ELEMENT = fixed(',\n        ')
const LIST_CLOSE = fixed('\n      ]')

/** `,\n      "key": ` and the same without the comma, per key; and both with `null` after them, the commonest value. */
const keyText = (key: string) => {
  const first = `${MEMBER}${JSON.stringify(key)}: `
  return { first: fixed(first), next: fixed(`,${first}`), firstNull: fixed(`${first}null`), nextNull: fixed(`,${first}null`) }
}
type Key = ReturnType<typeof keyText>
const K = {
  id: keyText('id'),
  provider: keyText('provider'),
  time: keyText('time'),
  deviceId: keyText('deviceId'),
  audioPath: keyText('audioPath'),
  part: keyText('part'),
  archiveTime: keyText('archiveTime'),
  durationMs: keyText('durationMs'),
  transcript: keyText('transcript'),
  language: keyText('language'),
  verdict: keyText('verdict'),
  reasons: keyText('reasons'),
  signals: keyText('signals')
}
// The row's start with its id's key, and its end when it has no reasons and no signals (most rows): one copy each.
const OPEN_ID = fixed(`    {${MEMBER}"id": `)
const PLAIN_END = fixed(`,${MEMBER}"reasons": [],${MEMBER}"signals": []\n    }`)

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

/**
 * A report row written straight from the recording, byte for byte what `toRecording` (scan-report.ts)
 * gives through `JSON.stringify(report, null, 2)`: the same members in the same order, a member
 * whose value is undefined left out as JSON.stringify leaves it out. Writing the row object and
 * its two arrays per recording first cost as much as the writing (scan-report.test.ts compares both).
 */
export function writeRecordingJson(out: JsonBytes, r: Recording, verdict: string, reasons: readonly string[]): void {
  let first = true
  if (typeof r.id === 'string') {
    out.bytes(OPEN_ID)
    out.string(r.id)
    first = false
  } else {
    out.bytes(ROW_OPEN)
    first = member(out, K.id, r.id, first)
  }
  first = member(out, K.provider, r.provider, first)
  first = member(out, K.time, r.time, first)
  first = member(out, K.deviceId, r.deviceId, first)
  first = member(out, K.audioPath, r.audio?.path ?? null, first)
  first = member(out, K.part, r.audio?.part ?? null, first)
  first = member(out, K.archiveTime, r.archiveTime, first)
  first = member(out, K.durationMs, r.durationMs, first)
  first = member(out, K.transcript, r.transcript, first)
  first = member(out, K.language, r.language, first)
  first = member(out, K.verdict, verdict, first)
  if (!first && reasons.length === 0 && r.signals.length === 0) return out.bytes(PLAIN_END)
  out.bytes(first ? K.reasons.first : K.reasons.next)
  list(out, reasons)
  out.bytes(K.signals.next)
  list(out, r.signals)
  out.bytes(ROW_CLOSE)
}

/** One member unless its value is left out; answers whether the next member is still the first. */
function member(out: JsonBytes, key: Key, v: unknown, first: boolean): boolean {
  if (v === null) {
    out.bytes(first ? key.firstNull : key.nextNull)
    return false
  }
  if (absent(v)) return first
  out.bytes(first ? key.first : key.next)
  value(out, v, '      ')
  return false
}
