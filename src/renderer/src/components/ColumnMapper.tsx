import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnmappedCsv, VoiceField } from '../../../shared/model/recording'
import { ApiError, call } from '../api/client'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../stores'

const fields: VoiceField[] = ['time', 'deviceName', 'deviceSerial', 'deviceType', 'account', 'transcript', 'audio', 'response', 'status', 'language']

/** One form per CSV that looks like voice history but whose header we do not know. */
export function ColumnMapper() {
  const { t } = useTranslation()
  const unmapped = useStore(useShallow((s) => s.archive.summary?.reading.unmappedCsv ?? []))
  if (unmapped.length === 0) return null
  return (
    <section className="mapper" aria-labelledby="mapper-title">
      <h2 id="mapper-title">{t('mapper.title')}</h2>
      <p className="muted">{t('mapper.lead')}</p>
      {unmapped.map((u) => (
        <MappingForm key={`${u.part ?? ''}:${u.file}`} csv={u} />
      ))}
    </section>
  )
}

function MappingForm({ csv }: { csv: UnmappedCsv }) {
  const { t } = useTranslation()
  const archiveId = useStore((s) => s.archive.summary?.archiveId)
  const applySummary = useStore((s) => s.archive.applySummary)
  const [columns, setColumns] = useState<Partial<Record<VoiceField, string>>>(csv.guessed)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (!archiveId || !columns.time) return
    setBusy(true)
    setError(null)
    try {
      const chosen = Object.fromEntries(Object.entries(columns).filter(([, v]) => v)) as Partial<Record<VoiceField, string>>
      applySummary(await call('saveColumnMapping', { archiveId, mapping: { signature: csv.signature, columns: chosen } }))
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="mapping-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <p>
        <code>{csv.file}</code> — {t('mapper.header', { columns: csv.header.join(` ${csv.delimiter} `) })}
      </p>
      <div className="mapping-grid">
        {fields.map((field) => (
          <label key={field}>
            <span>
              {t(`mapper.field.${field}`)}
              {field === 'time' && ' *'}
            </span>
            <select value={columns[field] ?? ''} onChange={(e) => setColumns({ ...columns, [field]: e.target.value })} required={field === 'time'}>
              <option value="">{t('mapper.none')}</option>
              {csv.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <button className="primary" type="submit" disabled={busy || !columns.time}>
        {t('mapper.save')}
      </button>
    </form>
  )
}
