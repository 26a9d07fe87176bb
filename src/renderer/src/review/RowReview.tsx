import { useTranslation } from 'react-i18next'
import { RULE_IDS } from '../../../shared/model/analysis'
import { MARKS, VERDICTS, type Catalog } from './catalog'

/** A list row's review in a few words: the person's mark (with the detector's verdict beside it), else the reasons. */
export function RowReview({ catalog, index }: { catalog: Catalog; index: number }) {
  const { t } = useTranslation()
  const j = catalog.judged
  if (!j) return null
  const verdict = VERDICTS[j.verdict[index]!]!
  const mark = MARKS[j.mark[index]!]!
  const bits = j.reasons[index]!
  const rules = bits ? RULE_IDS.filter((_, k) => bits & (1 << k)) : []
  const reasons = rules.map((r) => t(`marks.ruleShort.${r}`)).join(', ')
  return (
    <span className="row-review" data-testid="row-review" data-mark={mark ?? ''} data-verdict={verdict} title={rules.map((r) => t(`marks.rule.${r}`)).join('\n') || undefined}>
      {mark ? (
        <>
          <strong className="row-mark">{t(`marks.${mark}`)}</strong>
          {verdict !== 'own' && <span className="muted"> ({t('marks.detector', { verdict: t(`marks.verdict.${verdict}`) })})</span>}
        </>
      ) : verdict !== 'own' ? (
        <>
          <span className="row-verdict">{t(`marks.verdict.${verdict}`)}</span>
          {reasons && <span className="muted">: {reasons}</span>}
        </>
      ) : null}
    </span>
  )
}
