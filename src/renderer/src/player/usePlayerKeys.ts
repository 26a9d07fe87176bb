import { useEffect } from 'react'
import { nextSpeed } from './speed'
import { useStore } from '../stores'

/** Seconds one Shift+arrow moves the playhead. */
export const SEEK_STEP = 5

/**
 * The player's keys, anywhere on the review screen except while typing or on a control that uses
 * the key itself: Space plays and pauses, Shift+←/→ seek five seconds, [ and ] change the speed.
 * J and K (previous/next recording) belong to the review's keys, arrows to the list and timeline.
 */
export function usePlayerKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
      const target = e.target instanceof HTMLElement ? e.target : null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const { controls, rate, setRate } = useStore.getState().player
      if (e.key === ' ') {
        // A focused button or link answers Space itself.
        if (!controls || target?.closest('button, a, [role="button"], [role="tab"], summary')) return
        e.preventDefault()
        controls.playPause()
      } else if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        if (!controls) return
        e.preventDefault()
        controls.seekBy(e.key === 'ArrowLeft' ? -SEEK_STEP : SEEK_STEP)
      } else if (e.key === '[' || e.key === ']') {
        e.preventDefault()
        setRate(nextSpeed(rate, e.key === ']' ? 1 : -1))
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active])
}
