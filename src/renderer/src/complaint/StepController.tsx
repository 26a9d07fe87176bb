import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplaintDraft } from '../../../shared/model/complaint-calls'
import { Field, useFieldError } from './Field'
import { useStore } from '../stores'

const KNOWN = ['amazon', 'google'] as const
const CHANNELS = ['webform', 'email', 'letter', 'app'] as const

/** Step 2: the company, the dates that start the clock, and what has passed between them. */
export function StepController() {
  const { t } = useTranslation()
  const d = useStore((s) => s.complaint.draft)
  const update = useStore((s) => s.complaint.update)
  const controller = d.controller ?? ''
  const [otherMode, setOtherMode] = useState(controller !== '' && !(KNOWN as readonly string[]).includes(controller))
  const controllerError = useFieldError('controller')
  const date = (path: keyof ComplaintDraft & string, required: boolean, hint?: string) => (
    <Field path={path} label={t(`complaint.controller.${path}`)} hint={hint} required={required}>
      {(p) => <input {...p} type="date" value={(d[path] as string | undefined) ?? ''} onChange={(e) => update({ [path]: e.target.value })} />}
    </Field>
  )
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="f-controller-kind">
          {t('complaint.controller.controller')} <span className="req">({t('complaint.required')})</span>
        </label>
        <select
          id="f-controller-kind"
          value={otherMode ? 'other' : controller}
          aria-describedby={otherMode ? undefined : 'f-controller-error'}
          onChange={(e) => {
            const value = e.target.value
            setOtherMode(value === 'other')
            update({ controller: value === 'other' ? '' : value })
          }}
        >
          <option value="">{t('complaint.choose')}</option>
          {KNOWN.map((k) => (
            <option key={k} value={k}>
              {t(`complaint.controller.known.${k}`)}
            </option>
          ))}
          <option value="other">{t('complaint.controller.known.other')}</option>
        </select>
        {!otherMode && controllerError && (
          <p className="error" id="f-controller-error" role="alert">
            {controllerError}
          </p>
        )}
      </div>
      {otherMode && (
        <Field path="controller" label={t('complaint.controller.otherName')} required>
          {(p) => <input {...p} type="text" value={controller} onChange={(e) => update({ controller: e.target.value })} />}
        </Field>
      )}
      <Field path="service" label={t('complaint.controller.service')} hint={t('complaint.controller.serviceHint')}>
        {(p) => <input {...p} type="text" value={d.service ?? ''} onChange={(e) => update({ service: e.target.value })} />}
      </Field>
      <fieldset className="dates wide">
        <legend>{t('complaint.controller.dates')}</legend>
        {date('requestDate', true)}
        {date('receiptDate', true, t('complaint.controller.receiptHint'))}
        {date('discoveryDate', true)}
        {date('noticeSentDate', false, t('complaint.controller.noticeHint'))}
        <label className="check">
          <input type="checkbox" checked={d.noticePosted ?? false} onChange={(e) => update({ noticePosted: e.target.checked })} data-testid="notice-posted" /> {t('complaint.controller.noticePosted')}
        </label>
        {d.noticePosted && <p className="hint">{t('complaint.controller.noticePostedHint')}</p>}
        {d.noticePosted && date('noticeReceivedDate', false, t('complaint.controller.noticeReceivedHint'))}
        <label className="check">
          <input type="checkbox" checked={d.extensionNotified ?? false} onChange={(e) => update({ extensionNotified: e.target.checked })} /> {t('complaint.controller.extensionNotified')}
        </label>
        {date('refusalDate', false, t('complaint.controller.refusalHint'))}
      </fieldset>
      <Field path="complainNowReason" label={t('complaint.controller.complainNowReason')} hint={t('complaint.controller.complainNowHint')} wide>
        {(p) => <textarea {...p} rows={2} value={d.complainNowReason ?? ''} onChange={(e) => update({ complainNowReason: e.target.value })} />}
      </Field>
      <Field path="controllerReference" label={t('complaint.controller.controllerReference')} hint={t('complaint.controller.referenceHint')}>
        {(p) => <input {...p} type="text" value={d.controllerReference ?? ''} onChange={(e) => update({ controllerReference: e.target.value })} />}
      </Field>
      <Field path="channel" label={t('complaint.controller.channel')}>
        {(p) => (
          <select {...p} value={d.channel ?? 'webform'} onChange={(e) => update({ channel: e.target.value as (typeof CHANNELS)[number] })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`complaint.controller.channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field path="priorContact" label={t('complaint.controller.priorContact')} hint={t('complaint.controller.priorContactHint')} wide>
        {(p) => <textarea {...p} rows={4} value={d.priorContact ?? ''} onChange={(e) => update({ priorContact: e.target.value })} />}
      </Field>
    </div>
  )
}
