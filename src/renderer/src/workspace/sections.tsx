import type { ReactNode } from 'react'
import { DeviceCards } from '../review/DeviceCards'
import { FindingsPanel } from '../review/FindingsPanel'
import { ReviewHeader } from '../review/ReviewHeader'
import { VoicesPanel } from '../review/voices/VoicesPanel'
import { useStore } from '../stores'

/**
 * The side pane's sections, top to bottom. A section is one entry here: its id (remembered when
 * folded), the i18n key of its title, a hook for the count shown beside the title (null: none), an
 * icon for the narrow rail, the component, and whether it may wait for the first frame. The Voices
 * panel joins with one line here.
 */
export interface SideSectionDef {
  id: string
  titleKey: string
  useCount(): number | null
  icon: ReactNode
  Body(): ReactNode
  /** The body waits for the workspace's first frame (the timeline's first paint): the title and count show at once. */
  afterFirstFrame?: boolean
}

const icon = (d: string) => (
  <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
)

export const SIDE_SECTIONS: readonly SideSectionDef[] = [
  {
    id: 'summary',
    titleKey: 'side.summary',
    useCount: () => useStore((s) => s.archive.summary?.reading.recordingCount ?? null),
    icon: icon('M4 3h9l3 3v11H4z M7 8h6 M7 11h6 M7 14h4'),
    Body: ReviewHeader
  },
  {
    id: 'findings',
    titleKey: 'side.findings',
    useCount: () => useStore((s) => s.review.detector?.findings.length ?? null),
    icon: icon('M10 3 18 17H2z M10 8v4 M10 14.5v.5'),
    Body: FindingsPanel,
    afterFirstFrame: true
  },
  {
    id: 'devices',
    titleKey: 'side.devices',
    useCount: () => useStore((s) => s.archive.summary?.reading.devices.length ?? null),
    icon: icon('M6 2h8v16H6z M10 6.5a2 2 0 1 0 0 .1 M10 11a3 3 0 1 0 0 .1'),
    Body: DeviceCards,
    afterFirstFrame: true
  },
  {
    id: 'voices',
    titleKey: 'voices.title',
    // How many voices, once they are known (they are worked out only when asked for).
    useCount: () => useStore((s) => (s.voices.state?.status === 'ready' ? s.voices.state.voices.length : null)),
    icon: icon('M3 10v0 M6 7v6 M9 4v12 M12 7v6 M15 9v2 M18 10v0'),
    Body: VoicesPanel,
    afterFirstFrame: true
  }
]
