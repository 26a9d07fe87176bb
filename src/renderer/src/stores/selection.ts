import { create } from 'zustand'
import { useArchiveStore } from './archive'

interface SelectionState {
  /** The recording the list, the timeline, the details (and later the player) are on. */
  selectedId: string | null
  select(id: string | null): void
}

/** The one selection the list, the timeline and the details share. */
export const useSelectionStore = create<SelectionState>((set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId })
}))

useArchiveStore.subscribe((state, previous) => {
  if (state.summary?.archiveId !== previous.summary?.archiveId) useSelectionStore.setState({ selectedId: null })
})
