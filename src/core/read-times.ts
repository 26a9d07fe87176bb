import type { Recording } from '../shared/model/recording'

/**
 * Each recording's time in UTC milliseconds as the reader knew it from the time's digits, kept beside
 * the reading (not in the recordings: they are the contract's plain data), so the analysis need not
 * Date.parse 100,000 ISO texts. `isos[i]` is the text `ms[i]` was read from: a recording whose
 * `time` is no longer that text (an array changed since, a time set again) is parsed as before.
 * It sits in core's root because providers write it and the analysis reads it: neither imports the other.
 */
export interface ReadTimes {
  readonly isos: ReadonlyArray<string | null>
  /** NaN where the reader did not give the milliseconds. */
  readonly ms: Float64Array
}

const byRecordings = new WeakMap<readonly Recording[], ReadTimes>()

export function keepReadTimes(recordings: readonly Recording[], times: ReadTimes): void {
  byRecordings.set(recordings, times)
}

export function readTimesOf(recordings: readonly Recording[]): ReadTimes | undefined {
  return byRecordings.get(recordings)
}

/** The milliseconds of recordings[i]'s time when the reader kept them for that very text, else NaN. */
export function keptMs(times: ReadTimes | undefined, i: number, time: string): number {
  return times !== undefined && i < times.isos.length && times.isos[i] === time ? times.ms[i]! : Number.NaN
}
