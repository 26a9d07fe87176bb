import { useTranslation } from 'react-i18next'
import { Field } from './Field'
import { useStore } from '../stores'

/** Step 3: what it did to the person, whether the authority may name them, and the letters' language. */
export function StepHarm() {
  const { t } = useTranslation()
  const d = useStore((s) => s.complaint.draft)
  const update = useStore((s) => s.complaint.update)
  const share = d.shareIdentityWithController ?? true
  const remedy = d.victimRemedy ?? 'restriction'
  return (
    <div className="form-grid">
      <Field path="harm" label={t('complaint.harm.harm')} hint={t('complaint.harm.harmHint')} wide>
        {(p) => <textarea {...p} rows={6} value={d.harm ?? ''} onChange={(e) => update({ harm: e.target.value })} />}
      </Field>
      <fieldset className="choice wide">
        <legend>{t('complaint.harm.share')}</legend>
        <label>
          <input type="radio" name="share" checked={share} onChange={() => update({ shareIdentityWithController: true })} /> {t('complaint.harm.shareYes')}
        </label>
        <label>
          <input type="radio" name="share" checked={!share} onChange={() => update({ shareIdentityWithController: false })} /> {t('complaint.harm.shareNo')}
        </label>
        <p className="hint">{t('complaint.harm.shareHint')}</p>
      </fieldset>
      <fieldset className="choice wide">
        <legend>{t('complaint.harm.remedy')}</legend>
        <label>
          <input type="radio" name="remedy" checked={remedy === 'restriction'} onChange={() => update({ victimRemedy: 'restriction' })} /> {t('complaint.harm.restriction')}
        </label>
        <label>
          <input type="radio" name="remedy" checked={remedy === 'erasure'} onChange={() => update({ victimRemedy: 'erasure' })} /> {t('complaint.harm.erasure')}
        </label>
        {remedy === 'erasure' && (
          <p className="warning" role="note">
            {t('complaint.harm.erasureWarning')}
          </p>
        )}
      </fieldset>
      <fieldset className="choice wide">
        <legend>{t('complaint.harm.lang')}</legend>
        <label>
          <input type="radio" name="lang" checked={(d.lang ?? 'en') === 'en'} onChange={() => update({ lang: 'en' })} /> English
        </label>
        <label>
          <input type="radio" name="lang" checked={d.lang === 'de'} onChange={() => update({ lang: 'de' })} /> Deutsch
        </label>
        <label>
          <input type="radio" name="lang" checked={d.lang === 'fr'} onChange={() => update({ lang: 'fr' })} /> Français
        </label>
      </fieldset>
    </div>
  )
}
