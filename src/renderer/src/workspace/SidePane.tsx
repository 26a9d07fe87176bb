import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../format'
import { SIDE_SECTIONS, type SideSectionDef } from './sections'
import { useStore } from '../stores'

/** Below this width the side pane folds into a rail of icons (one per section). */
export const RAIL_QUERY = '(max-width: 1099px)'

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(RAIL_QUERY).matches)
  useEffect(() => {
    const media = window.matchMedia(RAIL_QUERY)
    const on = () => setNarrow(media.matches)
    media.addEventListener('change', on)
    return () => media.removeEventListener('change', on)
  }, [])
  return narrow
}

/**
 * False for the workspace's first frame, true once that frame is drawn. The side's heavier bodies
 * (findings, devices, voices) fill in a frame after the timeline's first paint: at 100,000
 * recordings their render and layout added ~40-80 ms before it.
 */
function useFirstFrameDrawn(): boolean {
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    if (drawn) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn(true), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [drawn])
  return drawn
}

function Count({ def }: { def: SideSectionDef }) {
  const { i18n } = useTranslation()
  const n = def.useCount()
  return n === null ? null : <span className="side-count">{formatCount(n, i18n.language)}</span>
}

function Section({ def, drawn }: { def: SideSectionDef; drawn: boolean }) {
  const { t } = useTranslation()
  const folded = useStore((s) => s.ui.folded.includes(def.id))
  const toggle = useStore((s) => s.ui.toggleSection)
  const Body = def.Body
  return (
    <section className={`side-section side-section-${def.id}`} data-section={def.id} aria-labelledby={`side-${def.id}`}>
      <h2 className="side-title">
        <button type="button" id={`side-${def.id}`} aria-expanded={!folded} aria-controls={`side-body-${def.id}`} onClick={() => toggle(def.id)} data-testid={`side-toggle-${def.id}`}>
          <span className="chevron" aria-hidden="true">
            {folded ? '▸' : '▾'}
          </span>
          {t(def.titleKey)}
          <Count def={def} />
        </button>
      </h2>
      <div id={`side-body-${def.id}`} className="side-body" hidden={folded}>
        {!folded && (drawn || !def.afterFirstFrame) && <Body />}
      </div>
    </section>
  )
}

/**
 * The review's left side: the export's summary, the findings and the devices, each folding away
 * with its count in view. Narrow windows show a rail of icons instead; an icon opens its section
 * over the main area.
 */
export function SidePane() {
  const { t } = useTranslation()
  const narrow = useNarrow()
  const [open, setOpen] = useState<string | null>(null)
  const drawn = useFirstFrameDrawn()
  useEffect(() => {
    if (!narrow) setOpen(null)
  }, [narrow])
  if (!narrow)
    return (
      <aside className="side-pane" aria-label={t('side.label')} data-testid="side-pane">
        {SIDE_SECTIONS.map((def) => (
          <Section key={def.id} def={def} drawn={drawn} />
        ))}
      </aside>
    )
  const shown = SIDE_SECTIONS.find((d) => d.id === open)
  return (
    <aside className="side-rail" aria-label={t('side.label')} data-testid="side-rail">
      <ul>
        {SIDE_SECTIONS.map((def) => (
          <li key={def.id}>
            <button type="button" className="rail-button" aria-pressed={open === def.id} title={t(def.titleKey)} aria-label={t(def.titleKey)} onClick={() => setOpen(open === def.id ? null : def.id)} data-testid={`rail-${def.id}`}>
              {def.icon}
              <Count def={def} />
            </button>
          </li>
        ))}
      </ul>
      {shown && (
        <div className="rail-flyout" role="region" aria-label={t(shown.titleKey)} onKeyDown={(e) => e.key === 'Escape' && setOpen(null)}>
          <shown.Body />
        </div>
      )}
    </aside>
  )
}
