import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ColumnMapper } from '../components/ColumnMapper'
import { FileTable } from '../components/FileTable'
import { formatCount } from '../format'
import { DeviceCards } from '../review/DeviceCards'
import { VoicesPanel } from '../review/voices/VoicesPanel'
import { FilterBar } from '../review/FilterBar'
import { FindingsPanel } from '../review/FindingsPanel'
import { NoProblems, ProblemList } from '../review/ProblemList'
import { RecordingDetail } from '../review/RecordingDetail'
import { RecordingList } from '../review/RecordingList'
import { ReviewHeader } from '../review/ReviewHeader'
import { Timeline } from '../review/Timeline'
import { useReviewKeys } from '../review/useReviewKeys'
import { useArchiveStore } from '../stores/archive'

type Tab = 'recordings' | 'files'
const TABS: Tab[] = ['recordings', 'files']

/**
 * An open export: who it says it belongs to, its devices, a timeline of every recording, the list
 * beside the details (where the player goes), and a tab with every file the export holds.
 */
export function Review() {
  const { t, i18n } = useTranslation()
  const summary = useArchiveStore((s) => s.summary)
  const [tab, setTab] = useState<Tab>('recordings')
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ recordings: null, files: null })
  useReviewKeys(tab === 'recordings')
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

  return (
    <section className="overview review" aria-labelledby="overview-title" data-archive-id={summary.archiveId}>
      <ReviewHeader />
      <FindingsPanel />
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
            <DeviceCards />
            <VoicesPanel />
            <FilterBar />
            <Timeline />
            <div className="review-split">
              <RecordingList />
              <RecordingDetail />
            </div>
          </>
        ) : (
          <FileTable />
        )}
      </div>
    </section>
  )
}
