import type { Recording } from '../shared/model/recording'

/**
 * Each recording's time in UTC milliseconds as the reader knew it from the time's digits, kept beside
 * the reading (not in the recordings: they are the contract's plain data), so the analysis need not
 * Date.parse 100,000 ISO texts. `isos[i]` is the text `ms[i]` was read from: a recording whose
 * `time` is no longer that text (an array changed since, a time set again) is parsed as before.
 * It sits in core's root because providers write it and the analysis reads it: neither imports the other.
 */
export interface ReadTimes {
  /** null where the reader gave no text (a TimedRecording answers for itself). */
  readonly isos: ReadonlyArray<string | null>
  /** NaN where the reader did not give the milliseconds. */
  readonly ms: Float64Array
}

/**
 * A recording that keeps its own time as milliseconds (csv/recording-columns.ts): its `timeMs` is
 * the time's (NaN when its time is another form or none, or was set since), so nothing beside it
 * can go stale. Defined here so the analysis can ask without importing a provider's code.
 */
export abstract class TimedRecording {
  abstract readonly timeMs: number
}

const byRecordings = new WeakMap<readonly Recording[], ReadTimes>()

export function keepReadTimes(recordings: readonly Recording[], times: ReadTimes): void {
  byRecordings.set(recordings, times)
}

export function readTimesOf(recordings: readonly Recording[]): ReadTimes | undefined {
  return byRecordings.get(recordings)
}

/**
 * The milliseconds of `r`'s time (recordings[i]) when its reader kept them for that very time (the
 * recording itself, or `times` for that very text), else NaN: then its time is parsed (or null).
 */
export function keptMs(times: ReadTimes | undefined, i: number, r: Recording): number {
  if (r instanceof TimedRecording) return r.timeMs
  if (times === undefined || i >= times.isos.length) return Number.NaN
  const iso = times.isos[i]
  return iso !== null && iso === r.time ? times.ms[i]! : Number.NaN
}
