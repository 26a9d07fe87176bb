import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes } from '../format'
import { Player } from '../player/Player'
import type { Catalog } from '../review/catalog'
import { useCatalog } from '../review/derived'
import { LaneName, RegistrationBadge } from '../review/DeviceBits'
import { RecordingReview } from '../review/RecordingReview'
import { lengthShown, type LengthShown } from '../review/length'
import { formatDateTime, formatUtc, userTimeZone } from '../review/time'
import { useRecordingDetail } from '../review/useRecordingDetail'
import { useStore } from '../stores'

/**
 * The bottom pane: the selected recording's waveform across at least half the window, and to its
 * right the transport, what the export says about it (time, device, what was said, the answer) and
 * its review in one line. It stays in view while J/K or the arrows move through the list.
 */
export function RecordingPane() {
  const { t } = useTranslation()
  const catalog = useCatalog()
  const selectedId = useStore((s) => s.selection.selectedId)
  const archiveId = useStore((s) => s.archive.summary?.archiveId ?? null)
  const i = selectedId === null ? undefined : catalog.byId.get(selectedId)
  const r = i === undefined ? undefined : catalog.recordings[i]
  return (
    <section className="rec-pane" aria-labelledby="detail-title" data-testid="recording-detail" data-selected={r?.id ?? ''}>
      <h2 id="detail-title" className="sr-only">
        {t('detail.title')}
      </h2>
      {!r || i === undefined || !archiveId ? (
        <div className="rec-pane-empty">
          <div className="wave-placeholder" aria-hidden="true" />
          <p className="muted">{t('detail.none')}</p>
        </div>
      ) : r.audio ? (
        <div className="player-slot" data-testid="player-slot">
          <Player archiveId={archiveId} recordingId={r.id} below={<RecordingReview catalog={catalog} index={i} />}>
            <RecordingFacts catalog={catalog} index={i} />
          </Player>
        </div>
      ) : (
        <div className="player no-audio" data-testid="player-slot">
          <div className="player-main">
            <div className="wave-placeholder" aria-hidden="true" />
            <p className="muted player-note">{t('detail.noAudio')}</p>
            <RecordingReview catalog={catalog} index={i} />
          </div>
          <div className="player-side">
            <RecordingFacts catalog={catalog} index={i} />
          </div>
        </div>
      )}
    </section>
  )
}

/** What the export states about the recording, the review line, and the rest (source row) one click away. */
function RecordingFacts({ catalog, index: i }: { catalog: Catalog; index: number }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const r = catalog.recordings[i]!
  const durations = useStore((s) => s.durations.ms)
  const archiveId = useStore((s) => s.archive.summary?.archiveId ?? null)
  const full = useRecordingDetail(archiveId, r.id).recording
  // Open once, the extra facts stay open from one recording to the next.
  const [moreOpen, setMoreOpen] = useState(false)
  const [rowOpen, setRowOpen] = useState(false)
  // Long words are cut to two lines beside the waveform; a click shows them whole (and stays so).
  const [whole, setWhole] = useState(false)
  const toggleWhole = () => setWhole((w) => !w)
  const lane = catalog.lanes[catalog.lane[i]!]!
  return (
    <div className="rec-facts">
      <dl className="detail-facts">
        <div>
          <dt>{t('detail.time', { zone: userTimeZone() })}</dt>
          <dd data-testid="detail-time">
            {formatDateTime(catalog.time[i]!, lang)} <span className="mono muted utc">{formatUtc(catalog.time[i]!)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('list.device')}</dt>
          <dd data-testid="detail-device">
            <LaneName lane={lane} /> <RegistrationBadge registration={lane.registration} compact />
          </dd>
        </div>
        <div>
          <dt>{t('detail.said')}</dt>
          {r.transcript ? (
            <Said testId="detail-transcript" text={t('detail.quoted', { text: r.transcript })} whole={whole} onToggle={toggleWhole} />
          ) : (
            <dd data-testid="detail-transcript" className="said">
              <span className="muted">{t('list.noTranscript')}</span>
            </dd>
          )}
        </div>
        {full?.response && (
          <div>
            <dt>{t('detail.response')}</dt>
            <Said text={full.response} whole={whole} onToggle={toggleWhole} />
          </div>
        )}
      </dl>
      <details className="rec-more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{t('detail.more')}</summary>
        <dl className="detail-facts more">
          <div>
            <dt>{t('list.duration')}</dt>
            <DetailLength shown={lengthShown(r, durations)} />
          </div>
          {r.language && (
            <div>
              <dt>{t('detail.language')}</dt>
              <dd>{r.language}</dd>
            </div>
          )}
          {r.accountId && (
            <div>
              <dt>{t('detail.account')}</dt>
              <dd className="mono">{r.accountId}</dd>
            </div>
          )}
          {r.signals.length > 0 && (
            <div>
              <dt>{t('detail.signals')}</dt>
              <dd>
                <ul className="signals">
                  {r.signals.map((s) => (
                    <li key={s}>{t(`signal.${s}`)}</li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {r.audio && (
            <div>
              <dt>{t('detail.audio')}</dt>
              <dd className="mono small">
                {r.audio.path} <span className="muted">· {formatBytes(r.audio.size, lang)}</span>
              </dd>
            </div>
          )}
          <div>
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
          </div>
          {full?.archiveTime && (
            <div>
              <dt>{t('overview.modified')}</dt>
              <dd className="mono small">{full.archiveTime.replace('T', ' ')}</dd>
            </div>
          )}
        </dl>
      </details>
    </div>
  )
}

/** The details' length: the same as the list's, with the reason in words where there is no length yet. */
function DetailLength({ shown }: { shown: LengthShown }) {
  const { t } = useTranslation()
  return (
    <dd data-testid="detail-duration" data-length={shown.state}>
      {shown.text}
      {shown.state !== 'known' && <span className="muted"> {shown.state === 'pending' ? t('list.lengthPending') : t('list.noAudio')}</span>}
    </dd>
  )
}

/** What was said (or answered): two lines beside the waveform, whole on hover (title) and on a click. */
function Said({ text, whole, onToggle, testId }: { text: string; whole: boolean; onToggle(): void; testId?: string }) {
  return (
    <dd data-testid={testId} className={`said${whole ? ' whole' : ''}`} title={text}>
      <button type="button" className="said-text" aria-expanded={whole} onClick={onToggle}>
        {text}
      </button>
    </dd>
  )
}
