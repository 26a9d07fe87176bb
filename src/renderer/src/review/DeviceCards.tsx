import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Device } from '../../../shared/model/recording'
import { formatCount } from '../format'
import { orderDevices } from './catalog'
import { useCatalog, useFiltered } from './derived'
import { RegistrationBadge } from './DeviceBits'
import { markedPerLane } from './judged'
import { MarkMenu, MarkVerdict, NoteEditor } from './MarkBits'
import { formatMinute, formatUtc, parseTime } from './time'
import { isUnregistered, registrationOf } from './tones'
import { useStore } from '../stores'

const NO_DEVICES: readonly Device[] = Object.freeze([])

/** One card per device the export names; a device the account does not list is impossible to miss. */
export function DeviceCards() {
  const { t, i18n } = useTranslation()
  const devices = useStore((s) => s.archive.summary?.reading.devices ?? NO_DEVICES)
  const ordered = useMemo(() => orderDevices(devices), [devices])
  const unregistered = devices.filter(isUnregistered).length
  return (
    <section className="devices" aria-labelledby="devices-title">
      <div className="devices-head">
        <h2 id="devices-title">
          {t('devices.title')} <span className="muted">({formatCount(devices.length, i18n.language)})</span>
        </h2>
        {unregistered > 0 && (
          <p className="devices-alarm" role="note" data-testid="devices-alarm">
            <span aria-hidden="true" className="alarm-icon">
              !
            </span>
            {t('devices.alarm', { count: unregistered })}
          </p>
        )}
      </div>
      {devices.length === 0 ? (
        <p className="muted">{t('devices.none')}</p>
      ) : (
        <ul className="device-cards">
          {ordered.map((d, i) => (
            <DeviceCard key={d.id} device={d} index={i} />
          ))}
        </ul>
      )}
    </section>
  )
}

function DeviceCard({ device: d, index }: { device: Device; index: number }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const catalog = useCatalog()
  const filtered = useFiltered()
  const deviceKey = useStore((s) => s.filters.deviceKey)
  const setDevice = useStore((s) => s.filters.setDevice)
  const registration = registrationOf(d)
  const lane = catalog.laneOf.get(d.id)
  const shown = lane === undefined ? 0 : filtered.laneCounts[lane]!
  const loaded = lane === undefined ? 0 : catalog.lanes[lane]!.count
  const only = deviceKey === d.id
  const titleId = `device-${index}`
  const first = parseTime(d.firstSeen)
  const last = parseTime(d.lastSeen)
  const verdict = useStore((s) => s.review.detector?.deviceVerdicts[d.id] ?? null)
  const entry = useStore((s) => s.review.deviceMarks[d.id])
  const ready = useStore((s) => s.review.status === 'ready')
  const tone = lane === undefined ? null : catalog.lanes[lane]!.tone
  return (
    <li
      className={`device-card ${registration}${tone ? ` tone-${tone}` : ''}`}
      data-testid="device-card"
      data-device-id={d.id}
      data-registered={String(d.registered)}
      data-verdict={verdict ?? ''}
      data-mark={entry?.mark ?? ''}
    >
      <article aria-labelledby={titleId}>
        <div className="card-head">
          <RegistrationBadge registration={registration} />
          <div className="card-title">
            <h3 id={titleId} data-testid="device-name">
              {d.name?.trim() || <span className="muted">{t('device.unnamed')}</span>}
            </h3>
            {d.recordings > 0 && (
              <button type="button" className="card-filter" aria-pressed={only} onClick={() => setDevice(only ? null : d.id)}>
                {only ? t('device.showingOnly') : t('device.showOnly')}
              </button>
            )}
          </div>
        </div>
        <dl className="card-facts">
          <dt>{t('device.type')}</dt>
          <dd>{d.type ?? '—'}</dd>
          <dt>{t('device.serial')}</dt>
          <dd className="mono" data-testid="device-serial">
            {d.serial ?? '—'}
          </dd>
          <dt>{t('device.recordings')}</dt>
          <dd data-testid="device-recordings" data-count={d.recordings}>
            <strong>{formatCount(d.recordings, lang)}</strong>
            {loaded > 0 && shown !== loaded && <span className="muted"> · {t('device.shown', { shown: formatCount(shown, lang) })}</span>}
          </dd>
          <dt>{t('device.first')}</dt>
          <dd title={Number.isFinite(first) ? formatUtc(first) : undefined}>{formatMinute(first, lang)}</dd>
          <dt>{t('device.last')}</dt>
          <dd title={Number.isFinite(last) ? formatUtc(last) : undefined}>{formatMinute(last, lang)}</dd>
          {d.registeredAt && (
            <>
              <dt>{t('device.registeredAt')}</dt>
              <dd title={formatUtc(parseTime(d.registeredAt))}>{formatMinute(parseTime(d.registeredAt), lang)}</dd>
            </>
          )}
        </dl>
        {ready && (
          <div className="card-review">
            <p className="card-verdict">
              <span className="muted">{t('marks.deviceReview')} </span>
              <MarkVerdict mark={entry?.mark ?? null} verdict={verdict === 'own' ? null : verdict} testId="device-mark" />
            </p>
            {loaded > 0 && (
              <p className="card-progress muted" data-testid="device-reviewed" data-count={markedPerLane(catalog)[lane!]}>
                {t('marks.deviceReviewed', { marked: formatCount(markedPerLane(catalog)[lane!]!, lang), total: formatCount(loaded, lang) })}
              </p>
            )}
            {d.recordings > 0 && (
              <MarkMenu
                testId="mark-device"
                summary={t('marks.markDevice', { count: d.recordings, formatted: formatCount(d.recordings, lang) })}
                onMark={(m) => void useStore.getState().review.markDevice(d.id, m)}
              />
            )}
            <details className="card-note">
              <summary>{entry?.note ? t('marks.noteShort', { note: entry.note.length > 40 ? `${entry.note.slice(0, 40)}…` : entry.note }) : t('marks.addNote')}</summary>
              <NoteEditor target="device" id={d.id} note={entry?.note ?? null} />
            </details>
          </div>
        )}
      </article>
    </li>
  )
}
