import type { RuleId } from '../../../shared/model/analysis'
import type { SliceCreator } from './slice'
import type { MarkFilter, RegistrationFilter, SortDir, SortKey, VerdictFilter } from '../review/catalog'

export interface FiltersSlice {
  /** Words a transcript must contain (all of them, any case). */
  text: string
  /** One device's id, '' for recordings without a device, null for all. */
  deviceKey: string | null
  registration: RegistrationFilter
  /** Calendar days in the user's time zone, 'YYYY-MM-DD', '' when open. */
  from: string
  to: string
  /** The review's filters: a reason the detector gave, its verdict, the person's mark, one finding (its index). */
  reason: RuleId | null
  verdict: VerdictFilter
  mark: MarkFilter
  finding: number | null
  /** One voice's id (see the Voices panel), '' for recordings in no voice group, null for all. */
  voice: string | null
  sortKey: SortKey
  sortDir: SortDir
  setReason(reason: RuleId | null): void
  setVerdict(verdict: VerdictFilter): void
  setMark(mark: MarkFilter): void
  /** Shows one finding's recordings only (and nothing else filtered), or stops doing so. */
  showFinding(index: number | null): void
  setText(text: string): void
  setDevice(deviceKey: string | null): void
  setRegistration(registration: RegistrationFilter): void
  setFrom(day: string): void
  setTo(day: string): void
  setVoice(voice: string | null): void
  /** Sorts by a column; the same column again flips the direction. */
  sortBy(key: SortKey): void
  clear(): void
}

const initial = {
  text: '',
  deviceKey: null,
  registration: 'all' as RegistrationFilter,
  from: '',
  to: '',
  reason: null,
  verdict: 'all' as VerdictFilter,
  mark: 'all' as MarkFilter,
  finding: null,
  voice: null as string | null
}

/** What the review shows and in which order: filters and sort, nothing derived. */
export const createFiltersSlice: SliceCreator<FiltersSlice> = (set, get) => ({
  ...initial,
  sortKey: 'time',
  sortDir: 'asc',
  setReason: (reason) => set({ reason }),
  setVerdict: (verdict) => set({ verdict }),
  setMark: (mark) => set({ mark }),
  showFinding: (finding) => set({ ...initial, finding }),
  setText: (text) => set({ text }),
  setDevice: (deviceKey) => set({ deviceKey }),
  setRegistration: (registration) => set({ registration }),
  setFrom: (from) => set({ from }),
  setTo: (to) => set({ to }),
  setVoice: (voice) => set({ voice }),
  sortBy(key) {
    const { sortKey, sortDir } = get()
    set(key === sortKey ? { sortDir: sortDir === 'asc' ? 'desc' : 'asc' } : { sortKey: key, sortDir: 'asc' })
  },
  clear: () => set(initial)
})

export const selectFiltering = (s: FiltersSlice): boolean =>
  s.text.trim() !== '' ||
  s.deviceKey !== null ||
  s.registration !== 'all' ||
  s.from !== '' ||
  s.to !== '' ||
  s.reason !== null ||
  s.verdict !== 'all' ||
  s.mark !== 'all' ||
  s.finding !== null ||
  s.voice !== null

/** A 'YYYY-MM-DD' day as epoch ms at the start (or the last millisecond) of that day in the user's zone. */
export function dayToMs(day: string, end: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return Number.NaN
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0)).getTime()
  return end ? start - 1 : start
}

/** What a new export starts with (the one reset, per-export.ts). */
export const freshFilters = (): Partial<FiltersSlice> => ({ ...initial, sortKey: 'time', sortDir: 'asc' })
