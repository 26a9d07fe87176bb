import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ColumnMapper } from '../components/ColumnMapper'
import { FileTable } from '../components/FileTable'
import { formatCount } from '../format'
import { Splitter } from '../components/Splitter'
import { FilterBar } from '../review/FilterBar'
import { NoProblems, ProblemList } from '../review/ProblemList'
import { RecordingList } from '../review/RecordingList'
import { Timeline } from '../review/Timeline'
import { useReviewKeys } from '../review/useReviewKeys'
import { RecordingPane } from '../workspace/RecordingPane'
import { SidePane, useNarrow } from '../workspace/SidePane'
import '../workspace/workspace.css'
import { useStore } from '../stores'

type Tab = 'recordings' | 'files'
const TABS: Tab[] = ['recordings', 'files']

/**
 * An open export as a workspace of panes, one screen high: the side (summary, findings, devices),
 * and in the main area the timeline across the top, the list under it and the selected recording's
 * waveform across the bottom. Only the lists scroll; the bars between panes resize them.
 */
export function Review() {
  const { t, i18n } = useTranslation()
  const summary = useStore((s) => s.archive.summary)
  const [tab, setTab] = useState<Tab>('recordings')
  const panes = useStore((s) => s.ui.panes)
  const narrow = useNarrow()
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ recordings: null, files: null })
  useReviewKeys(tab === 'recordings')
  // For the open → first paint bench: the workspace's first commit (its recordings may not have come yet).
  useEffect(() => void performance.mark('exportscope:workspace-mounted'), [])
  if (!summary) return null

  // Tabs per the WAI-ARIA pattern: arrows move between them, Tab goes into the panel.
  const onTabKey = (e: KeyboardEvent) => {
    const at = TABS.indexOf(tab)
    const next = e.key === 'ArrowRight' ? TABS[(at + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(at + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined
    if (!next) return
    e.preventDefault()
    setTab(next)
    tabRefs.current[next]?.focus()
  }
  const label = (which: Tab) =>
    which === 'recordings'
      ? t('tabs.recordings', { count: formatCount(summary.reading.recordingCount, i18n.language) })
      : t('tabs.files', { count: formatCount(summary.entryCount, i18n.language) })

  const style = { '--side-w': `${panes.side}px`, '--timeline-h': `${panes.timeline}px`, '--recording-h': `${panes.recording}px` } as CSSProperties
  return (
    <section className={`workspace review${narrow ? ' narrow' : ''}`} aria-labelledby="overview-title" data-archive-id={summary.archiveId} style={style}>
      <SidePane />
      {!narrow && <Splitter pane="side" axis="x" grows={1} label={t('panes.side')} />}
      <div className="main-pane">
        <ProblemList />
        <ColumnMapper />
        <div className="tabs-row">
          <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onTabKey}>
            {TABS.map((which) => (
              <button
                key={which}
                ref={(el) => {
                  tabRefs.current[which] = el
                }}
                type="button"
                role="tab"
                id={`tab-${which}`}
                aria-selected={tab === which}
                aria-controls={tab === which ? `panel-${which}` : undefined}
                tabIndex={tab === which ? 0 : -1}
                onClick={() => setTab(which)}
              >
                {label(which)}
              </button>
            ))}
          </div>
          <NoProblems />
        </div>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={`tab-panel ${tab}`}>
          {tab === 'recordings' ? (
            <>
              <FilterBar />
              <div className="timeline-pane">
                <Timeline />
              </div>
              <Splitter pane="timeline" axis="y" grows={1} label={t('panes.timeline')} />
              <div className="list-pane">
                <RecordingList />
              </div>
              <Splitter pane="recording" axis="y" grows={-1} label={t('panes.recording')} />
              <RecordingPane />
            </>
          ) : (
            <FileTable />
          )}
        </div>
      </div>
    </section>
  )
}
