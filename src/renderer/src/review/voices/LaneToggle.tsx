import { useTranslation } from 'react-i18next'
import { formatCount } from '../../format'
import { useStore } from '../../stores'
import { type LaneMode } from '../../stores/timeline'
import { selectReadyVoices } from '../../stores/voices'

const MODES: readonly LaneMode[] = ['device', 'voice']

/**
 * Timeline lanes by device or by voice. Choosing voices before they are known starts them (as the
 * Voices panel's button does); the lanes stay by device, saying how far it is, until they are ready.
 */
export function LaneToggle() {
  const { t, i18n } = useTranslation()
  const mode = useStore((s) => s.timeline.laneMode)
  const archiveId = useStore((s) => s.archive.summary?.archiveId ?? null)
  const ready = useStore((s) => selectReadyVoices(s.voices))
  const working = useStore((s) => (s.voices.asked && s.voices.state?.status === 'working' ? s.voices.state : null))
  const choose = (m: LaneMode) => {
    useStore.getState().timeline.setLaneMode(m)
    const v = useStore.getState().voices
    if (m === 'voice' && archiveId && !(v.asked && v.archiveId === archiveId)) void v.ask(archiveId)
  }
  return (
    <div className="lane-toggle" role="group" aria-label={t('timeline.lanesBy')} data-testid="lane-toggle">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} data-testid={`lanes-${m}`} onClick={() => choose(m)}>
          {t(m === 'device' ? 'timeline.byDevice' : 'timeline.byVoice')}
        </button>
      ))}
      {mode === 'voice' && !ready && (
        <span className="muted lane-toggle-status" role="status">
          {working ? t('voices.working', { done: formatCount(working.done, i18n.language), total: formatCount(working.total, i18n.language) }) : t('timeline.voicesUnknown')}
        </span>
      )}
    </div>
  )
}
