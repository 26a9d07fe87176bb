import { useEffect } from 'react'
import type { MarkValue } from '../../../shared/model/review'
import { SEARCH_ID } from './FilterBar'
import { stepSelection } from './navigate'
import { LIST_ID } from './RecordingList'
import { markRecordings, markTargets, NOTE_DETAILS_ID } from './RecordingReview'
import { useStore } from '../stores'

const MARK_BY_KEY: Record<string, MarkValue | null> = { m: 'mine', n: 'not-mine', u: 'unsure', backspace: null, delete: null }

/**
 * Keys that work anywhere on the review screen (except while typing): / focuses the search,
 * J and K move through the list (from nowhere they put the focus on the list first), M, N and U
 * mark the selected recording mine, not mine or unsure, Backspace or Delete clears its mark, and
 * E opens the note, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo marks. Space stays with the player.
 */
export function useReviewKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return
      const target = e.target instanceof HTMLElement ? e.target : null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const key = e.key.toLowerCase()
      if (e.ctrlKey || e.metaKey) {
        const undo = key === 'z' && !e.shiftKey
        const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)
        if (!undo && !redo) return
        e.preventDefault()
        void (undo ? useStore.getState().review.undo() : useStore.getState().review.redo())
        return
      }
      if (e.key === '/') {
        const search = document.getElementById(SEARCH_ID) as HTMLInputElement | null
        if (!search) return
        e.preventDefault()
        search.focus()
        search.select()
        return
      }
      if (!e.shiftKey && key === 'e') {
        // E writes a note on the selected recording: the note opens and takes the focus.
        const note = document.getElementById(NOTE_DETAILS_ID) as HTMLDetailsElement | null
        if (!note) return
        e.preventDefault()
        note.open = true
        note.querySelector('textarea')?.focus()
        return
      }
      if (!e.shiftKey && key in MARK_BY_KEY) {
        // Keys on a button or a link keep their own meaning (Backspace in a disclosure, for one).
        if (target?.closest('summary') && (key === 'backspace' || key === 'delete')) return
        const ids = markTargets()
        if (ids.length === 0 || useStore.getState().review.status !== 'ready') return
        e.preventDefault()
        markRecordings(ids, MARK_BY_KEY[key]!)
        return
      }
      if (key !== 'j' && key !== 'k') return
      e.preventDefault()
      if (!target || target === document.body) document.getElementById(LIST_ID)?.focus({ preventScroll: true })
      stepSelection(key === 'j' ? 1 : -1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])
}
