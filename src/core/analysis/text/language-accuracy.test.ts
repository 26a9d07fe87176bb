import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { eldFolder, loadCompactEld, ngramLookup, parseNgramTable } from './eld-table'
import { languageOf, loadLanguageDetector } from './language'
import { COMMAND_LANGUAGES, voiceCommands } from './testing/voice-commands'

const TABLE = 'src/ngrams/extrasmall.js'

describe('eld’s table, read compactly', () => {
  it('holds every n-gram of eld/extrasmall with the same scores, and nothing else', async () => {
    const table = parseNgramTable(readFileSync(join(eldFolder(), TABLE), 'utf8'))
    const { ngramsData } = (await import(pathToFileURL(join(eldFolder(), TABLE)).href)) as {
      ngramsData: { type: string; languages: Record<number, string>; ngrams: Record<string, Record<number, number>> }
    }
    const keys = Object.keys(ngramsData.ngrams)
    expect(table.type).toBe(ngramsData.type)
    expect(table.languages).toEqual(ngramsData.languages)
    expect(table.size).toBe(keys.length)
    const lookup = ngramLookup(table)
    const differing = keys.filter((k) => JSON.stringify(lookup[k]) !== JSON.stringify(ngramsData.ngrams[k]))
    expect(differing).toEqual([])
    // Keys with an escaped quote are the ones a careless reader gets wrong.
    expect(keys.some((k) => k.includes("'"))).toBe(true)
    expect(lookup['no such n-gram']).toBeUndefined()
  })

  it('says which file it looked for when eld is not installed where Node looks', () => {
    expect(() => eldFolder([tmpdir()])).toThrow(/eld's n-gram table \(src\/ngrams\/extrasmall\.js\) was not found/)
  })

  it('says which file and where when the table is not what it expects', () => {
    expect(() => parseNgramTable('export const x = 1', 'x.js')).toThrow(/x\.js is not an eld n-gram table.*no type/)
    const head = "export const ngramsData = {type:'XS2',languages:{0:'de',1:'en'},isSubset:false,ngrams:{"
    const small = parseNgramTable(`${head}'ab\\'c':{0:70,1:9},xy:{1:3},xy:{0:5}}};`)
    expect(small.size).toBe(3)
    expect(ngramLookup(small)["ab'c"]).toEqual({ 0: 70, 1: 9 })
    // A key given twice keeps its last scores, as the object literal would.
    expect(ngramLookup(small)['xy']).toEqual({ 0: 5 })
    expect(ngramLookup(small)['ab']).toBeUndefined()
    expect(() => parseNgramTable(`${head}'ab':{0:70,7:9}}};`, 't.js')).toThrow(/t\.js .*has an unreadable pair at character \d+/)
    expect(() => parseNgramTable(`${head}'ab':{0:70`, 't.js')).toThrow(/t\.js .*(ends early|expected)/)
    expect(() => parseNgramTable(`${head}'ab' {0:70}}};`, 't.js')).toThrow(/expected :\{ after the key at character \d+/)
  })
})

describe('the language of generated voice commands (four words or more)', () => {
  const commands = voiceCommands()

  it('is eld/extrasmall’s answer, reliability included, on every command', async () => {
    const { eld } = await import('eld/extrasmall')
    const compact = await loadCompactEld()
    const differing = commands.filter((c) => {
      const [a, b] = [eld.detect(c.text), compact(c.text)]
      return a.language !== b.language || a.isReliable() !== b.isReliable()
    })
    expect(commands.length).toBeGreaterThan(800)
    expect(differing).toEqual([])
  })

  it('tells English from German on every command, and takes no other language for either', async () => {
    const detect = await loadLanguageDetector()
    const judged = commands.map((c) => ({ ...c, got: languageOf(detect, c.text, null) }))
    for (const language of ['en', 'de'] as const) {
      const wrong = judged.filter((j) => j.language === language && j.got !== language)
      expect(wrong).toEqual([])
    }
    // An Italian or Polish command judged English or German would hide a stranger from the other-language rule.
    const takenForEnOrDe = judged.filter((j) => j.language !== 'en' && j.language !== 'de' && (j.got === 'en' || j.got === 'de'))
    expect(takenForEnOrDe).toEqual([])
    // Naming the other language right matters less (Swedish read as Norwegian is still not German), but most are.
    for (const language of COMMAND_LANGUAGES) {
      const mine = judged.filter((j) => j.language === language)
      const right = mine.filter((j) => j.got === language).length
      expect(right / mine.length, language).toBeGreaterThanOrEqual(0.85)
    }
  })
})
