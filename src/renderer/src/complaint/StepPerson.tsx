import { useTranslation } from 'react-i18next'
import { Field } from './Field'
import { COUNTRIES, countryName, GERMAN_STATES } from './places'
import { useStore } from '../stores'

/** Step 1: who complains, and the account the controller knows them by. */
export function StepPerson() {
  const { t, i18n } = useTranslation()
  const person = useStore((s) => s.complaint.draft.person) ?? {}
  const accountId = useStore((s) => s.complaint.draft.accountId) ?? ''
  const update = useStore((s) => s.complaint.update)
  const lang = i18n.language === 'de' ? 'de' : 'en'
  const countries = [...COUNTRIES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang))
  return (
    <div className="form-grid">
      <Field path="person.name" label={t('complaint.person.name')} required>
        {(p) => <input {...p} type="text" autoComplete="name" value={person.name ?? ''} onChange={(e) => update({ person: { name: e.target.value } })} />}
      </Field>
      <Field path="person.email" label={t('complaint.person.email')} hint={t('complaint.person.emailHint')}>
        {(p) => <input {...p} type="email" autoComplete="email" value={person.email ?? ''} onChange={(e) => update({ person: { email: e.target.value } })} />}
      </Field>
      <Field path="person.address" label={t('complaint.person.address')} hint={t('complaint.person.addressHint')} wide>
        {(p) => <textarea {...p} rows={4} autoComplete="street-address" value={person.address ?? ''} onChange={(e) => update({ person: { address: e.target.value } })} />}
      </Field>
      <Field path="person.country" label={t('complaint.person.country')} hint={t('complaint.person.countryHint')} required>
        {(p) => (
          <select {...p} value={person.country ?? ''} onChange={(e) => update({ person: { country: e.target.value, ...(e.target.value !== 'de' ? { region: '' } : {}) } })}>
            <option value="">{t('complaint.choose')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {person.country === 'de' && (
        <Field path="person.region" label={t('complaint.person.region')} hint={t('complaint.person.regionHint')}>
          {(p) => (
            <select {...p} value={person.region ?? ''} onChange={(e) => update({ person: { region: e.target.value } })}>
              <option value="">{t('complaint.choose')}</option>
              {GERMAN_STATES.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s[lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field path="accountId" label={t('complaint.person.accountId')} hint={t('complaint.person.accountIdHint')} required>
        {(p) => <input {...p} type="text" value={accountId} onChange={(e) => update({ accountId: e.target.value })} />}
      </Field>
    </div>
  )
}
