import type { SliceCreator } from './slice'

const NONE: ReadonlySet<string> = Object.freeze(new Set<string>())

export interface SelectionSlice {
  /** The recording the list, the timeline, the details (and later the player) are on. */
  selectedId: string | null
  /** Recordings picked together (Ctrl/Cmd- or Shift-click in the list) to mark at once; empty when only one is selected. */
  picked: ReadonlySet<string>
  /** Where a Shift-click range starts: the last recording clicked without Shift. */
  anchorId: string | null
  select(id: string | null): void
  /** Adds a recording to the picked ones, or takes it out; the one selected before joins them. */
  togglePick(id: string): void
  /** Picks the recordings between the anchor and `id` (the caller gives them in list order). */
  pickRange(ids: readonly string[], id: string): void
}

/** What a new export starts with (the one reset, per-export.ts). */
export const freshSelection = (): Partial<SelectionSlice> => ({ selectedId: null, picked: NONE, anchorId: null })

/** The one selection the list, the timeline and the details share. */
export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedId: null,
  picked: NONE,
  anchorId: null,
  select: (selectedId) => set({ selectedId, picked: NONE, anchorId: selectedId }),
  togglePick(id) {
    const { selectedId, picked } = get()
    const next = new Set(picked)
    if (next.size === 0 && selectedId !== null) next.add(selectedId)
    let selected = id
    if (next.has(id) && next.size > 1) {
      next.delete(id)
      selected = [...next].at(-1)!
    } else next.add(id)
    set({ picked: next.size > 1 ? next : NONE, selectedId: selected, anchorId: id })
  },
  pickRange(ids, id) {
    set({ picked: ids.length > 1 ? new Set(ids) : NONE, selectedId: id })
  }
})
