/**
 * Times on the review screen: every recording's time is UTC in the model; a person reads it in their
 * own time zone, with UTC one hover away. Formatters are cached per language, since 100,000 rows
 * format their times while scrolling.
 */

import { intlOnce } from '../format'

const formatter = (lang: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  intlOnce(`date|${lang}|${key}`, () => new Intl.DateTimeFormat(lang, options))

/** The IANA zone the renderer formats in (the OS's). */
let zone: string | null = null
export function userTimeZone(): string {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  return zone
}

/** The ISO time as epoch milliseconds, NaN when there is none or it does not parse. */
export function parseTime(iso: string | null): number {
  return iso ? Date.parse(iso) : Number.NaN
}

/** Full date and time with seconds, in the user's zone: the list's time column and the details. */
export function formatDateTime(ms: number, lang: string): string {
  if (!Number.isFinite(ms)) return '—'
  return formatter(lang, 'datetime', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms)
}

/** Date and time to the minute, for places short of room (device cards). */
export function formatMinute(ms: number, lang: string): string {
  if (!Number.isFinite(ms)) return '—'
  return formatter(lang, 'minute', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms)
}

export function formatDate(ms: number, lang: string): string {
  if (!Number.isFinite(ms)) return '—'
  return formatter(lang, 'date', { year: 'numeric', month: 'short', day: 'numeric' }).format(ms)
}

/** The same instant in UTC, unambiguous: 2023-02-01 13:42:12 UTC. */
export function formatUtc(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—'
  const total = Math.round(ms / 1000)
  if (total < 60) return `0:${String(total).padStart(2, '0')}`
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
}

const numberFormat = (lang: string, unit: string, digits: number): Intl.NumberFormat =>
  intlOnce(`unit|${lang}|${unit}|${digits}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: digits }))

/** A span as words a person reads at a glance: "3 days", "2.5 hr", "45 sec". */
export function formatSpan(ms: number, lang: string): string {
  const s = ms / 1000
  const unit = (value: number, name: string) => numberFormat(lang, name, value < 10 ? 1 : 0).format(value)
  if (s < 90) return unit(s, 'second')
  if (s < 90 * 60) return unit(s / 60, 'minute')
  if (s < 36 * 3600) return unit(s / 3600, 'hour')
  if (s < 60 * 86400) return unit(s / 86400, 'day')
  if (s < 2 * 365 * 86400) return unit(s / (30.44 * 86400), 'month')
  return unit(s / (365.25 * 86400), 'year')
}

/** The range a view shows, precise enough for its span. */
export function formatRange(start: number, end: number, lang: string): string {
  const span = end - start
  const opts: Intl.DateTimeFormatOptions =
    span < 5 * 60_000
      ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }
      : span < 3 * 86_400_000
        ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { year: 'numeric', month: 'short', day: 'numeric' }
  const f = formatter(lang, `range${span < 5 * 60_000 ? 's' : span < 3 * 86_400_000 ? 'm' : 'd'}`, opts)
  return f.formatRange(start, end)
}

// ---- Axis ticks, aligned to the user's calendar (midnight, month starts) rather than to UTC.

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'
interface Step {
  unit: Unit
  n: number
  ms: number
}
const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H
const STEPS: Step[] = [
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ unit: 'second' as const, n, ms: n * S })),
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ unit: 'minute' as const, n, ms: n * M })),
  ...[1, 2, 3, 6, 12].map((n) => ({ unit: 'hour' as const, n, ms: n * H })),
  ...[1, 2].map((n) => ({ unit: 'day' as const, n, ms: n * D })),
  { unit: 'week', n: 1, ms: 7 * D },
  ...[1, 2, 3, 6].map((n) => ({ unit: 'month' as const, n, ms: n * 30.44 * D })),
  ...[1, 2, 5, 10, 20, 50, 100].map((n) => ({ unit: 'year' as const, n, ms: n * 365.25 * D }))
]

export interface Tick {
  time: number
  label: string
  /** The tick starts a new day, month or year: drawn stronger. */
  major: boolean
}

/** Ticks for a view [start, end] drawn `width` pixels wide, at least `minGap` pixels apart. */
export function ticksFor(start: number, end: number, width: number, lang: string, minGap = 96): Tick[] {
  const span = end - start
  if (!(span > 0) || width <= 0) return []
  // Labels with a clock time are wider than a bare day, month or year.
  const gapFor = (s: Step) => (s.unit === 'second' || s.unit === 'minute' || s.unit === 'hour' ? minGap : Math.min(minGap, 64))
  const step = STEPS.find((s) => (s.ms / span) * width >= gapFor(s)) ?? STEPS[STEPS.length - 1]!
  const d = floorTo(new Date(start), step)
  const ticks: Tick[] = []
  let previousDay = -1
  for (let guard = 0; guard < 1000 && d.getTime() <= end; guard++) {
    const time = d.getTime()
    if (time >= start) {
      const day = d.getFullYear() * 400 + d.getMonth() * 32 + d.getDate()
      const newDay = previousDay !== day
      ticks.push({ time, label: labelFor(d, step.unit, newDay || ticks.length === 0, lang), major: isMajor(d, step.unit) })
      previousDay = day
    }
    advance(d, step)
  }
  return ticks
}

function floorTo(d: Date, step: Step): Date {
  const r = new Date(d.getTime())
  switch (step.unit) {
    case 'second':
      r.setMilliseconds(0)
      r.setSeconds(Math.floor(r.getSeconds() / step.n) * step.n)
      break
    case 'minute':
      r.setSeconds(0, 0)
      r.setMinutes(Math.floor(r.getMinutes() / step.n) * step.n)
      break
    case 'hour':
      r.setMinutes(0, 0, 0)
      r.setHours(Math.floor(r.getHours() / step.n) * step.n)
      break
    case 'day':
      r.setHours(0, 0, 0, 0)
      break
    case 'week':
      r.setHours(0, 0, 0, 0)
      r.setDate(r.getDate() - ((r.getDay() + 6) % 7))
      break
    case 'month':
      r.setHours(0, 0, 0, 0)
      r.setDate(1)
      r.setMonth(Math.floor(r.getMonth() / step.n) * step.n)
      break
    case 'year':
      r.setHours(0, 0, 0, 0)
      r.setMonth(0, 1)
      r.setFullYear(Math.floor(r.getFullYear() / step.n) * step.n)
      break
  }
  return r
}

function advance(d: Date, step: Step): void {
  switch (step.unit) {
    case 'second':
      d.setSeconds(d.getSeconds() + step.n)
      break
    case 'minute':
      d.setMinutes(d.getMinutes() + step.n)
      break
    case 'hour':
      d.setHours(d.getHours() + step.n)
      break
    case 'day':
      d.setDate(d.getDate() + step.n)
      break
    case 'week':
      d.setDate(d.getDate() + 7)
      break
    case 'month':
      d.setMonth(d.getMonth() + step.n)
      break
    case 'year':
      d.setFullYear(d.getFullYear() + step.n)
      break
  }
}

function isMajor(d: Date, unit: Unit): boolean {
  if (unit === 'second' || unit === 'minute' || unit === 'hour') return d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0
  if (unit === 'day' || unit === 'week') return d.getDate() === 1
  return d.getMonth() === 0
}

function labelFor(d: Date, unit: Unit, withDay: boolean, lang: string): string {
  const t = d.getTime()
  switch (unit) {
    case 'second':
      return formatter(lang, withDay ? 'tick-s-day' : 'tick-s', withDay ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(t)
    case 'minute':
    case 'hour':
      return formatter(lang, withDay ? 'tick-m-day' : 'tick-m', withDay ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' }).format(t)
    case 'day':
    case 'week':
      return formatter(lang, 'tick-d', { day: 'numeric', month: 'short' }).format(t)
    case 'month':
      return formatter(lang, 'tick-mo', { month: 'short', year: 'numeric' }).format(t)
    case 'year':
      return formatter(lang, 'tick-y', { year: 'numeric' }).format(t)
  }
}
