import { useTranslation } from 'react-i18next'
import { formatBytes } from '../format'
import { useArchiveStore } from '../stores/archive'

export function FileTable() {
  const { t, i18n } = useTranslation()
  const entries = useArchiveStore((s) => s.entries)
  const total = useArchiveStore((s) => s.summary?.entryCount ?? 0)
  const loadMore = useArchiveStore((s) => s.loadMoreEntries)
  return (
    <section className="files" aria-labelledby="files-title">
      <h2 id="files-title">{t('overview.files')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('overview.path')}</th>
            <th scope="col">{t('overview.type')}</th>
            <th scope="col" className="num">{t('overview.size')}</th>
            <th scope="col">{t('overview.modified')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.part ?? ''}:${e.path}`} className={e.unsafePath || e.encrypted ? 'flagged' : undefined}>
              <td className="path">
                {e.path}
                {e.encrypted && <span className="tag warn">{t('overview.encrypted')}</span>}
                {e.unsafePath && <span className="tag danger">{t('overview.unsafe')}</span>}
              </td>
              <td>{t(`kind.${e.kind}`)}</td>
              <td className="num">{formatBytes(e.size, i18n.language)}</td>
              <td className="mono">{e.localTime?.replace('T', ' ') ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length < total && (
        <button onClick={() => void loadMore()}>{t('overview.more', { shown: entries.length, total })}</button>
      )}
    </section>
  )
}
