import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes } from '../format'
import { PlayerSlot } from '../player/PlayerSlot'
import { useArchiveStore } from '../stores/archive'
import { useDurationsStore } from '../stores/durations'
import { useSelectionStore } from '../stores/selection'
import { useCatalog } from './derived'
import { LaneName, RegistrationBadge } from './DeviceBits'
import { RecordingReview } from './RecordingReview'
import { formatDateTime, formatDuration, formatUtc, userTimeZone } from './time'
import { useRecordingDetail } from './useRecordingDetail'

/**
 * The selected recording as the export states it, with where each fact came from. The audio section
 * is the player's place: the audio issue puts wavesurfer there; until then it names the file only.
 */
export function RecordingDetail() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const catalog = useCatalog()
  const durations = useDurationsStore((s) => s.ms)
  const selectedId = useSelectionStore((s) => s.selectedId)
  const i = selectedId === null ? undefined : catalog.byId.get(selectedId)
  const r = i === undefined ? undefined : catalog.recordings[i]
  // The list holds a summary; what only this panel shows (the source row) is fetched for the selection.
  const archiveId = useArchiveStore((s) => s.summary?.archiveId ?? null)
  const full = useRecordingDetail(archiveId, r ? r.id : null).recording
  // Open once, the source row stays open from one recording to the next.
  const [rowOpen, setRowOpen] = useState(false)
  return (
    <aside className="rec-detail" aria-labelledby="detail-title" data-testid="recording-detail">
      <h2 id="detail-title">{t('detail.title')}</h2>
      {!r || i === undefined ? (
        <p className="muted">{t('detail.none')}</p>
      ) : (
        <>
          <RecordingReview catalog={catalog} index={i} />
          <dl className="detail-facts">
            <dt>{t('detail.time', { zone: userTimeZone() })}</dt>
            <dd data-testid="detail-time">
              {formatDateTime(catalog.time[i]!, lang)}
              <span className="mono muted block">{formatUtc(catalog.time[i]!)}</span>
            </dd>
            <dt>{t('list.device')}</dt>
            <dd data-testid="detail-device">
              <LaneName lane={catalog.lanes[catalog.lane[i]!]!} /> <RegistrationBadge registration={catalog.lanes[catalog.lane[i]!]!.registration} compact />
            </dd>
            <dt>{t('list.duration')}</dt>
            <dd data-testid="detail-duration">{formatDuration(r.durationMs ?? durations.get(r.id) ?? null)}</dd>
            <dt>{t('detail.said')}</dt>
            <dd data-testid="detail-transcript" className="said">
              {r.transcript ? `“${r.transcript}”` : <span className="muted">{t('list.noTranscript')}</span>}
            </dd>
            {full?.response && (
              <>
                <dt>{t('detail.response')}</dt>
                <dd>{full.response}</dd>
              </>
            )}
            {r.language && (
              <>
                <dt>{t('detail.language')}</dt>
                <dd>{r.language}</dd>
              </>
            )}
            {r.accountId && (
              <>
                <dt>{t('detail.account')}</dt>
                <dd className="mono">{r.accountId}</dd>
              </>
            )}
            {r.signals.length > 0 && (
              <>
                <dt>{t('detail.signals')}</dt>
                <dd>
                  <ul className="signals">
                    {r.signals.map((s) => (
                      <li key={s}>{t(`signal.${s}`)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('detail.source')}</dt>
            <dd className="mono small" data-testid="detail-source">
              {full ? `${full.source.file}${full.source.line ? `:${full.source.line}` : ''}` : '…'}
              {full && Object.keys(full.source.fields).length > 0 && (
                <details className="source-row" open={rowOpen} onToggle={(e) => setRowOpen(e.currentTarget.open)}>
                  <summary>{t('reviewDetail.sourceRow')}</summary>
                  <dl data-testid="detail-source-fields">
                    {Object.entries(full.source.fields).map(([name, value]) => (
                      <div key={name}>
                        <dt>{name}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
            </dd>
            {full?.archiveTime && (
              <>
                <dt>{t('overview.modified')}</dt>
                <dd className="mono small">{full.archiveTime.replace('T', ' ')}</dd>
              </>
            )}
          </dl>
          <section className="player-slot" aria-labelledby="player-title" data-testid="player-slot">
            <h3 id="player-title">{t('detail.audio')}</h3>
            {r.audio ? (
              <>
                <p className="mono small">
                  {r.audio.path} <span className="muted">· {formatBytes(r.audio.size, lang)}</span>
                </p>
                <PlayerSlot recordingId={r.id} />
              </>
            ) : (
              <p className="muted">{t('detail.noAudio')}</p>
            )}
          </section>
        </>
      )}
    </aside>
  )
}
