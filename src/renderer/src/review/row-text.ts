import { RULE_IDS } from '../../../shared/model/analysis'
import { MARKS, VERDICTS } from './catalog'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** A list row's review in a few words: what RowReview shows, translated once per combination. */
export interface RowReviewText {
  verdict: (typeof VERDICTS)[number]
  mark: (typeof MARKS)[number]
  /** The person's mark ("Not mine"), or null. */
  markLabel: string | null
  /** Beside a mark, the detector's verdict when it flagged the recording ("(detector: foreign)"). */
  detector: string | null
  /** Without a mark, the detector's verdict when it flagged ("foreign"), and its reasons in short. */
  verdictLabel: string | null
  reasons: string
  /** Every reason in full, one a line: the row's hover text. */
  title: string
}

/**
 * The words every list row needs, translated once per language rather than in each row: a row that
 * calls useTranslation subscribes to i18n on mount, and a fast scroll mounts dozens a frame. The few
 * combinations of verdict, mark and reasons that occur are cached, so rows with the same review share
 * one object (and a memoised row sees an unchanged prop).
 */
export interface RowText {
  noDevice: string
  noTranscript: string
  lengthPending: string
  noAudio: string
  review(verdict: number, mark: number, reasons: number): RowReviewText
}

export function makeRowText(t: Translate): RowText {
  const cache = new Map<string, RowReviewText>()
  return {
    noDevice: t('device.none'),
    noTranscript: t('list.noTranscript'),
    lengthPending: t('list.lengthPending'),
    noAudio: t('list.noAudio'),
    review(v, m, bits) {
      const key = `${v}.${m}.${bits}`
      let text = cache.get(key)
      if (!text) {
        const verdict = VERDICTS[v] ?? 'own'
        const mark = MARKS[m] ?? null
        const rules = bits ? RULE_IDS.filter((_, k) => bits & (1 << k)) : []
        text = {
          verdict,
          mark,
          markLabel: mark ? t(`marks.${mark}`) : null,
          detector: mark && verdict !== 'own' ? `(${t('marks.detector', { verdict: t(`marks.verdict.${verdict}`) })})` : null,
          verdictLabel: !mark && verdict !== 'own' ? t(`marks.verdict.${verdict}`) : null,
          reasons: rules.map((r) => t(`marks.ruleShort.${r}`)).join(', '),
          title: rules.map((r) => t(`marks.rule.${r}`)).join('\n')
        }
        cache.set(key, text)
      }
      return text
    }
  }
}
