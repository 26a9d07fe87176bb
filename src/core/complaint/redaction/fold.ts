/**
 * The key a word is looked up by in the name and word lists: lower case, no accents, and the
 * letters that Unicode does not decompose spelled out (ß ss, ı i, ł l, ø o, …), so 'Yılmaz',
 * 'YILMAZ' and 'yilmaz' meet, as speech-to-text writes all three.
 */
const SPELLED: Record<string, string> = { ß: 'ss', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', þ: 'th', ə: 'e', ħ: 'h', ŧ: 't', ŋ: 'n', '’': "'", ʼ: "'", '`': "'" }
const cache = new Map<string, string>()

export function nameKey(word: string): string {
  let key = cache.get(word)
  if (key !== undefined) return key
  key = /^[a-z']*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[ßıłøđðæœþəħŧŋ’ʼ`]/g, (c) => SPELLED[c] ?? c)
  if (cache.size > 100_000) cache.clear()
  cache.set(word, key)
  return key
}
