import { useTranslation } from 'react-i18next'
import { formatCount } from '../../format'
import { useStore } from '../../stores'
import { selectReadyVoices } from '../../stores/voices'
import { useCatalog } from '../derived'
import { NO_VOICE } from '../voice-lanes'

const ALL = '*'

/** The filter bar's voice: one voice's recordings, or those in no voice group; offered once the voices are known. */
export function VoiceFilter() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const voices = useStore((s) => selectReadyVoices(s.voices))
  const voice = useStore((s) => s.filters.voice)
  const total = useCatalog().recordings.length
  if (!voices || (voices.voices.length === 0 && voice === null)) return null
  const grouped = voices.voices.reduce((n, v) => n + v.recordings, 0)
  const unassigned = Math.max(0, total - grouped)
  return (
    <label className="field">
      <span>{t('filters.voice')}</span>
      <select value={voice ?? ALL} data-testid="filter-voice" onChange={(e) => useStore.getState().filters.setVoice(e.target.value === ALL ? null : e.target.value)}>
        <option value={ALL}>{t('filters.allVoices')}</option>
        {voices.voices.map((v, k) => (
          <option key={v.id} value={v.id}>
            {`${t('voices.name', { n: k + 1 })} (${formatCount(v.recordings, lang)})${v.mark ? ` — ${t(`voices.mark.${v.mark}`)}` : ''}`}
          </option>
        ))}
        {(unassigned > 0 || voice === NO_VOICE) && <option value={NO_VOICE}>{`${t('voices.unassigned')} (${formatCount(unassigned, lang)})`}</option>}
      </select>
    </label>
  )
}
