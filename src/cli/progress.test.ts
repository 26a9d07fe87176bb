import { describe, expect, it } from 'vitest'
import { createProgress } from './progress'

const collector = (isTTY: boolean) => {
  const chunks: string[] = []
  return { stream: { isTTY, columns: 60, write: (s: string) => chunks.push(s) }, text: () => chunks.join('') }
}
const step = { phase: 'listing' as const, entries: 120, bytes: 5_000_000, totalBytes: 10_000_000 }

describe('progress on stderr', () => {
  it('writes only finished phases when stderr is not a terminal', () => {
    const err = collector(false)
    const progress = createProgress(err.stream, {})
    progress.opening(step)
    progress.hashing(1, 5, 10)
    progress.clear()
    expect(err.text()).toBe('')
    progress.done('read 120 entries')
    expect(err.text()).toBe('exportscope: read 120 entries\n')
  })
  it('redraws one live line on a terminal and clears it before the next line', () => {
    const err = collector(true)
    const progress = createProgress(err.stream, {})
    progress.opening(step)
    expect(err.text()).toMatch(/^\r\x1b\[Kexportscope: listing… 120 entries, 5.00 MB \(50%\)$/)
    progress.done('read 120 entries')
    expect(err.text().endsWith('\r\x1b[Kexportscope: read 120 entries\n')).toBe(true)
  })
  it('shows which provider reads which file, and how many recordings so far, with names escaped', () => {
    const err = collector(true)
    const progress = createProgress({ ...err.stream, columns: 120 }, {})
    progress.reading('Amazon Alexa', { provider: 'amazon-alexa', file: 'Alexa/\u001b[2Jhistory.csv', recordings: 12_000 })
    expect(err.text()).toBe('\r\x1b[Kexportscope: reading Amazon Alexa… 12,000 recordings (Alexa/\\u001b[2Jhistory.csv)')
    const quiet = collector(false)
    createProgress(quiet.stream, {}).reading('Amazon Alexa', { provider: 'amazon-alexa', file: null, recordings: 0 })
    expect(quiet.text()).toBe('')
  })
  it('stays quiet on a dumb terminal', () => {
    const err = collector(true)
    createProgress(err.stream, { TERM: 'dumb' }).opening(step)
    expect(err.text()).toBe('')
  })

  it('escapes a name in a finished line, as the bundle and report commands print the export\'s file name there', () => {
    const err = collector(false)
    createProgress(err.stream, {}).done('read 3 recordings of a3\u202evaw.exe.zip (zip, 10 bytes)')
    expect(err.text()).toBe('exportscope: read 3 recordings of a3\\u202evaw.exe.zip (zip, 10 bytes)\n')
  })
})
