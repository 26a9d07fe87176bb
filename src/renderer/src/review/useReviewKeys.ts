import { useEffect } from 'react'
import { SEARCH_ID } from './FilterBar'
import { stepSelection } from './navigate'
import { LIST_ID } from './RecordingList'

/**
 * Keys that work anywhere on the review screen (except while typing): / focuses the search,
 * J and K move through the list (from nowhere they put the focus on the list first).
 */
export function useReviewKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
      const target = e.target instanceof HTMLElement ? e.target : null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      if (e.key === '/') {
        const search = document.getElementById(SEARCH_ID) as HTMLInputElement | null
        if (!search) return
        e.preventDefault()
        search.focus()
        search.select()
        return
      }
      const key = e.key.toLowerCase()
      if (key !== 'j' && key !== 'k') return
      e.preventDefault()
      if (!target || target === document.body) document.getElementById(LIST_ID)?.focus({ preventScroll: true })
      stepSelection(key === 'j' ? 1 : -1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])
}
