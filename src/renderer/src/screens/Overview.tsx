import { useTranslation } from 'react-i18next'
import { formatBytes, formatCount } from '../format'
import { useArchiveStore } from '../stores/archive'
import { ColumnMapper } from '../components/ColumnMapper'
import { FileTable } from '../components/FileTable'

export function Overview() {
  const { t, i18n } = useTranslation()
  const summary = useArchiveStore((s) => s.summary)
  const close = useArchiveStore((s) => s.close)
  if (!summary) return null
  const lang = i18n.language
  return (
    <section className="overview" aria-labelledby="overview-title">
      <div className="overview-head">
        <h1 id="overview-title">{summary.name}</h1>
        <button onClick={() => void close()}>{t('overview.close')}</button>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('overview.format')}</dt>
          <dd>{summary.format}</dd>
        </div>
        <div>
          <dt>{t('overview.size')}</dt>
          <dd>{formatBytes(summary.bytes, lang)}</dd>
        </div>
        <div>
          <dt>{t('overview.entries')}</dt>
          <dd data-testid="entry-count">{formatCount(summary.entryCount, lang)}</dd>
        </div>
        <div>
          <dt>{t('overview.audio')}</dt>
          <dd data-testid="audio-count">{formatCount(summary.audioCount, lang)}</dd>
        </div>
        <div>
          <dt>{t('overview.recordings')}</dt>
          <dd data-testid="recording-count">{formatCount(summary.reading.recordingCount, lang)}</dd>
        </div>
        {summary.parts.length > 1 && (
          <div>
            <dt>{t('overview.parts')}</dt>
            <dd>{summary.parts.length}</dd>
          </div>
        )}
        <div className="wide">
          <dt>{t('overview.sha256')}</dt>
          <dd className="mono" data-testid="sha256">
            {summary.format === 'folder' ? '—' : (summary.sha256 ?? t('overview.hashing'))}
          </dd>
        </div>
      </dl>
      <section className={`problems${summary.problems.length ? ' has-problems' : ''}`} aria-label={t('overview.problems', { count: summary.problems.length })}>
        {summary.problems.length === 0 ? (
          <p>{t('overview.noProblems')}</p>
        ) : (
          <>
            <h2>{t('overview.problems', { count: summary.problems.length })}</h2>
            <ul>
              {summary.problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{p.path}</code>} {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ColumnMapper />
      <FileTable />
    </section>
  )
}
