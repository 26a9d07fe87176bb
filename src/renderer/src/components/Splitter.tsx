import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PANE_LIMITS, type PaneName } from '../stores/ui'
import { useStore } from '../stores'

/**
 * A bar between two panes that resizes one of them: drag it, or focus it and use the arrow keys
 * (Home/End for the smallest and largest). The size is remembered with the app's other settings.
 * `grows` says which way the pane grows: +1 when dragging right/down enlarges it, -1 when left/up does.
 */
export function Splitter({ pane, axis, grows, label }: { pane: PaneName; axis: 'x' | 'y'; grows: 1 | -1; label: string }) {
  const { t } = useTranslation()
  const size = useStore((s) => s.ui.panes[pane])
  const setPane = useStore((s) => s.ui.setPane)
  const drag = useRef<{ from: number; size: number } | null>(null)
  const [lo, hi] = PANE_LIMITS[pane]

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { from: axis === 'x' ? e.clientX : e.clientY, size }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    const moved = (axis === 'x' ? e.clientX : e.clientY) - drag.current.from
    setPane(pane, drag.current.size + grows * moved)
  }
  const onPointerUp = () => {
    drag.current = null
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 60 : 16
    const keys: Record<string, number> = axis === 'x' ? { ArrowLeft: -step * grows, ArrowRight: step * grows } : { ArrowUp: -step * grows, ArrowDown: step * grows }
    if (e.key === 'Home') setPane(pane, lo)
    else if (e.key === 'End') setPane(pane, hi)
    else if (keys[e.key] !== undefined) setPane(pane, size + keys[e.key]!)
    else return
    e.preventDefault()
  }
  return (
    <div
      className={`splitter ${axis}`}
      role="separator"
      tabIndex={0}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={t('panes.resize', { pane: label })}
      aria-valuemin={lo}
      aria-valuemax={hi}
      aria-valuenow={size}
      data-testid={`splitter-${pane}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
