import { alsoDuring, count, languageName, listOf } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { ProfileRule } from '../types'

/** Weak: what was said is in a language the account's other recordings rarely or never use. */
export const otherLanguage: ProfileRule = {
  kind: 'profile',
  id: 'other-language',
  severity: 'weak',
  run(e, usual) {
    const known = usual.language
    if (!known) return []
    const byLanguage = new Map<string, number[]>()
    e.features.forEach((f, i) => {
      if (f.language === null || known.values.has(f.language)) return
      const list = byLanguage.get(f.language)
      if (list) list.push(i)
      else byLanguage.set(f.language, [i])
    })
    const theirs = listOf(known.ranked.map(languageName), 3)
    return [...byLanguage]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([language, indices]) =>
        findingOf(e, this, indices, [], `${count(indices.length, 'recording')} ${indices.length === 1 ? 'is' : 'are'} in ${languageName(language)}, while the account's other recordings are in ${theirs}${alsoDuring(timesOf(e, indices))}.`, 'otherLanguage', {
          language,
          theirs: known.ranked.slice(0, 3)
        })
      )
  }
}
