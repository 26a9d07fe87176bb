import type { TFunction } from 'i18next'
import type { Finding } from '../../../shared/model/analysis'
import type { StepText } from '../../../shared/model/review'
import { formatCount, intlOnce } from '../format'

type Params = NonNullable<Finding['text']>['params']

// The detector's days are UTC calendar days; shown as such, whatever the user's zone.
const dayFormat = (lang: string) => intlOnce(`utc-day|${lang}`, () => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))
const day = (iso: string, lang: string) => dayFormat(lang).format(Date.parse(`${iso}T00:00:00Z`))
const listFormat = (lang: string) => intlOnce(`list|${lang}`, () => new Intl.ListFormat(lang, { type: 'conjunction' }))
const list = (items: readonly string[], lang: string) => listFormat(lang).format(items)
const languageNames = (lang: string) => intlOnce(`language-names|${lang}`, () => new Intl.DisplayNames([lang], { type: 'language' }))

function languageName(code: string, lang: string): string {
  try {
    return languageNames(lang).of(code) ?? code
  } catch {
    return code
  }
}

const str = (v: Params[string] | undefined): string | null => (typeof v === 'string' ? v : null)
const strs = (v: Params[string] | undefined): string[] => (Array.isArray(v) ? v : [])
const num = (v: Params[string] | undefined): number => (typeof v === 'number' ? v : 0)

/** The values a sentence under "engine" interpolates, formatted for the UI's language. */
function valuesOf(p: Params, t: TFunction, lang: string): Record<string, string | number> {
  const from = str(p.from)
  const to = str(p.to)
  const span = !from || !to ? '' : from === to ? t('engine.on', { day: day(from, lang) }) : t('engine.between', { from: day(from, lang), to: day(to, lang) })
  const device = str(p.device)
  const type = str(p.deviceType)
  const serial = str(p.serial)
  const named = device ? t('engine.deviceNamed', { name: device }) : type ? t('engine.deviceOfType', { type }) : t('engine.deviceUnnamed')
  const more = num(p.more)
  const names = strs(p.names)
  return {
    count: num(p.n),
    n: formatCount(num(p.n), lang),
    during: span && ` ${span}`,
    alsoDuring: span && `, ${span}`,
    device: serial ? t('engine.deviceWithSerial', { device: named, serial }) : named,
    registered: formatCount(num(p.registered), lang),
    marked: formatCount(num(p.marked), lang),
    provider: str(p.provider) ?? '',
    shown: str(p.shown) ?? '',
    owner: list(strs(p.owner), lang),
    language: languageName(str(p.language) ?? '', lang),
    judged: str(p.judged) ? t(`engine.judged.${str(p.judged)}`) : '',
    theirs: list(strs(p.theirs).map((x) => (p.language !== undefined ? languageName(x, lang) : x)), lang),
    places: list(strs(p.places), lang),
    theyName: p.language === undefined && strs(p.theirs).length ? t('engine.theyName', { names: list(strs(p.theirs), lang) }) : '',
    names: more > 0 ? list([...names, t('engine.more', { count: more, n: formatCount(more, lang) })], lang) : list(names, lang),
    hours: num(p.hours),
    direction: t(p.later === 'later' ? 'engine.later' : 'engine.earlier'),
    busiest: str(p.busiest) ?? '',
    day: str(p.day) ? day(str(p.day)!, lang) : '',
    who: [str(p.name), str(p.address) && `(${str(p.address)})`].filter(Boolean).join(' ') || t('engine.nobody'),
    source: str(p.source) ? t('engine.readFrom', { source: str(p.source) }) : ''
  }
}

/**
 * A finding in the UI's language: the detector's key and values through the "engine" translations,
 * else (a key this build does not know, a case file from an older version) its English sentence.
 */
export function findingText(f: Finding, t: TFunction, lang: string): string {
  if (!f.text) return f.message
  const key = `engine.${f.text.key}`
  const text = t(key, { ...valuesOf(f.text.params, t, lang), defaultValue: '' })
  return text && text !== key ? text : f.message
}

/** An undo or redo step in the UI's language; null where this language has no sentence for it (the engine's English label then). */
export function stepText(step: StepText | null, t: TFunction, lang: string): string | null {
  if (!step) return null
  const key = `engine.step.${step.key}`
  const text = t(key, {
    count: step.n ?? 0,
    n: formatCount(step.n ?? 0, lang),
    mark: step.mark ? t(`engine.markWord.${step.mark}`) : '',
    device: step.device ?? '',
    target: step.target ? t(`engine.target.${step.target}`) : '',
    defaultValue: ''
  })
  return text && text !== key ? text : null
}
