import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoiceMark, VoiceSummary } from '../../../../shared/model/voices'
import { call } from '../../api/client'
import { formatCount } from '../../format'
import { useStore } from '../../stores'
import { formatMinute, parseTime } from '../time'

const VOICE_MARKS: readonly VoiceMark[] = ['me', 'household', 'not-known']

/**
 * Voices: the export's recordings grouped by the sound of the voice. Each group is a hint the
 * person checks by listening to its samples; a mark applies to the whole voice in one undo step.
 */
export function VoicesPanel() {
  const { t, i18n } = useTranslation()
  const archiveId = useStore((s) => s.archive.summary?.archiveId ?? null)
  // The engine says when the voices move on (voices.changed): the store asks again then, never on a timer.
  const asked = useStore((s) => s.voices.asked && s.voices.archiveId === archiveId)
  const state = useStore((s) => s.voices.state)
  const callError = useStore((s) => s.voices.error)
  return (
    <section className="voices" aria-labelledby="voices-title" data-testid="voices-panel">
      <div className="devices-head">
        <h2 id="voices-title">{t('voices.title')}</h2>
        <p className="muted voices-hint">{t('voices.hint')}</p>
      </div>
      {!asked ? (
        <button type="button" data-testid="voices-start" disabled={!archiveId} onClick={() => archiveId && void useStore.getState().voices.ask(archiveId)}>
          {t('voices.start')}
        </button>
      ) : callError !== null ? (
        <p role="alert">{callError}</p>
      ) : state === null ? (
        <p className="muted">{t('voices.working', { done: 0, total: '…' })}</p>
      ) : state.status === 'working' ? (
        <p className="muted" role="status" data-testid="voices-working">
          {t('voices.working', { done: formatCount(state.done, i18n.language), total: formatCount(state.total, i18n.language) })}
        </p>
      ) : state.status === 'failed' ? (
        <p role="alert">{t('voices.failed', { reason: state.error ?? '' })}</p>
      ) : state.voices.length === 0 ? (
        <p className="muted">{t('voices.none')}</p>
      ) : (
        <ul className="device-cards voice-cards" data-testid="voice-cards">
          {state.voices.map((v, i) => (
            <VoiceCard key={v.id} voice={v} index={i} archiveId={archiveId!} />
          ))}
        </ul>
      )}
    </section>
  )
}

function VoiceCard({ voice: v, index, archiveId }: { voice: VoiceSummary; index: number; archiveId: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const busy = useStore((s) => s.review.busy)
  const devices = useStore((s) => s.archive.summary?.reading.devices)
  const found = v.deviceIds.map((id) => devices?.find((d) => d.id === id))
  const names = found.map((d) => d?.name ?? d?.serial ?? t('voices.unnamedDevice'))
  // As the voice rule says it: heard only on devices the export says are not registered to the account.
  const onlyUnregistered = found.length > 0 && found.every((d) => d?.registered === false && d.registrationKnown !== false)
  const from = parseTime(v.firstSeen)
  const to = parseTime(v.lastSeen)
  const shown = useStore((s) => s.filters.voice === v.id)
  const tone = v.mark === 'not-known' || (!v.mark && onlyUnregistered) ? 'tone-foreign' : v.mark ? 'tone-own' : ''
  return (
    <li className={`device-card voice-card ${tone}`} data-testid="voice-card" data-voice-id={v.id} data-mark={v.mark ?? ''}>
      <article aria-labelledby={`voice-${v.id}`}>
        <div className="card-head">
          <h3 id={`voice-${v.id}`}>{t('voices.name', { n: index + 1 })}</h3>
          <span className="muted" data-testid="voice-size" data-count={v.recordings}>
            {t('voices.recordings', { count: v.recordings, formatted: formatCount(v.recordings, lang) })}
          </span>
        </div>
        <p className="voice-facts">
          <span>{names.length ? t('voices.on', { devices: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) }) : t('voices.noDevice')}</span>
          {onlyUnregistered && (
            <>
              <br />
              <strong className="voice-alarm" data-testid="voice-only-unregistered">
                {t('voices.onlyUnregistered')}
              </strong>
            </>
          )}
          <br />
          <span className="muted">{Number.isFinite(from) ? `${formatMinute(from, lang)} – ${formatMinute(to, lang)}` : t('voices.noTime')}</span>
        </p>
        <div className="voice-show">
          <button
            type="button"
            className="link-button"
            aria-pressed={shown}
            data-testid="voice-filter"
            title={t('voices.showOnlyHint')}
            onClick={() => useStore.getState().filters.setVoice(shown ? null : v.id)}
          >
            {shown ? t('voices.showAll') : t('voices.showOnly')}
          </button>
        </div>
        <div className="voice-samples" role="group" aria-label={t('voices.samples')}>
          <span className="muted" aria-hidden="true">
            {t('voices.listen')}
          </span>
          {v.samples.map((id, k) => (
            <SampleButton key={id} archiveId={archiveId} recordingId={id} n={k + 1} />
          ))}
        </div>
        <div className="mark-buttons" role="group" aria-label={t('voices.markThis')}>
          {VOICE_MARKS.map((m) => (
            <button
              key={m}
              type="button"
              className={`mark-button mark-${m === 'not-known' ? 'not-mine' : 'mine'}`}
              aria-pressed={v.mark === m}
              disabled={busy}
              data-testid={`voice-mark-${m}`}
              onClick={() => void useStore.getState().review.markVoice(v.id, v.mark === m ? null : m)}
            >
              {t(`voices.mark.${m}`)}
            </button>
          ))}
        </div>
      </article>
    </li>
  )
}

/** Plays one sample through the media URL the engine hands out; a second click stops it. */
function SampleButton({ archiveId, recordingId, n }: { archiveId: string; recordingId: string; n: number }) {
  const { t } = useTranslation()
  const audio = useRef<HTMLAudioElement | null>(null)
  const [playing, setPlaying] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => () => audio.current?.pause(), [])
  const toggle = async () => {
    if (playing) {
      audio.current?.pause()
      setPlaying(false)
      return
    }
    try {
      const a = await call('recordingAudio', { archiveId, recordingId, waitMs: 0 })
      if (!a.mediaUrl) return setFailed(true)
      audio.current ??= new Audio()
      audio.current.src = a.mediaUrl
      audio.current.onended = () => setPlaying(false)
      await audio.current.play()
      setPlaying(true)
    } catch {
      setFailed(true)
    }
  }
  return (
    <button
      type="button"
      className="voice-sample"
      data-testid="voice-sample"
      data-recording-id={recordingId}
      disabled={failed}
      aria-pressed={playing}
      aria-label={playing ? t('voices.stop', { n }) : t('voices.play', { n })}
      title={playing ? t('voices.stop', { n }) : t('voices.play', { n })}
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">{playing ? '■' : '▶'}</span> {n}
    </button>
  )
}
