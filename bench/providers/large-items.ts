import { writeFile } from 'node:fs/promises'
import { zipBuffer } from '../../test/fixtures/archives'
import type { ExportOptions } from '../../src/core/generate'

/** Inputs of issue 15: activity files whose items are tens of MB, where a splitter that rejoins and rescans its buffer goes quadratic. */
export interface LargeItemCase {
  name: string
  options?: ExportOptions
  /** Writes the export itself when the generator has no such variation; returns its path. */
  make?: (path: string) => Promise<string>
  entry: string
  warm: boolean
}

const WORDS = ['the', 'weather', 'tomorrow', 'will', 'be', 'cloudy', 'with', 'light', 'rain', 'Küche', 'traffic', 'is', 'moderate', '&amp;', 'here', 'is', 'what', 'I', 'found']

/** About `chars` of varied words (so it deflates like text), from a fixed sequence. */
function words(chars: number, seed: number): string {
  const out: string[] = []
  let n = 0
  let s = seed
  while (n < chars) {
    s = (s * 48271) % 2147483647
    const w = WORDS[s % WORDS.length]!
    out.push(w)
    n += w.length + 1
  }
  return out.join(' ')
}

/** A MyActivity.html of Takeout's layout: a few ordinary activities around three of 20 MB, and one audio name with a malformed %-escape. */
async function bigHtml(path: string): Promise<string> {
  const cell = (title: string, time: string, audio: string, body: string) =>
    `<div class="outer-cell mdl-cell"><div class="mdl-grid"><div class="header-cell mdl-cell"><p class="mdl-typography--title">Assistant<br></p></div><div class="content-cell mdl-cell">${title}<br>${time}<br><audio controls><source src="${audio}"></audio><br>${body}<br></div><div class="content-cell mdl-cell mdl-typography--caption"><b>Products:</b><br>&emsp;Assistant<br></div></div></div>`
  const cells: string[] = []
  for (let i = 0; i < 12; i++) {
    const big = i % 4 === 1
    const time = `May ${1 + i}, 2023, 10:0${i % 10}:00 AM UTC`
    cells.push(cell(`Said hello number ${i}`, time, i === 6 ? `Audio%ZZ-${i}.mp3` : `2023-05-0${1 + (i % 9)}T10_00_00.000Z-${i}.mp3`, big ? words(20_000_000, i + 1) : 'It is sunny.'))
  }
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="mdl-grid">${cells.join('\n')}</div></body></html>`
  await writeFile(path, await zipBuffer([{ name: 'Takeout/My Activity/Assistant/MyActivity.html', data: html }]))
  return path
}

/** Many short items, as a Takeout of years of one-line questions has: the splitter's cost per item, not per byte, shows here. */
async function manySmallItems(path: string): Promise<string> {
  const items: string[] = []
  for (let i = 0; i < 300_000; i++) {
    const time = new Date(Date.UTC(2021, 0, 1) + i * 97_000).toISOString()
    items.push(JSON.stringify({ header: 'Assistant', title: `Said ${words(24, i + 1)} in Köln`, time, products: ['Assistant'] }))
  }
  await writeFile(path, await zipBuffer([{ name: 'Takeout/My Activity/Assistant/MyActivity.json', data: `[${items.join(',\n')}]` }]))
  return path
}

export const LARGE_ITEM_CASES: LargeItemCase[] = [
  { name: 'Google JSON, 300,000 short items', make: manySmallItems, entry: 'Takeout/My Activity/Assistant/MyActivity.json', warm: false },
  {
    name: 'Google JSON, 3 items of 20 MB',
    options: { provider: 'google', own: 3, foreign: 0, kind: 'none', google: { metadataOnly: true, padding: 20_000_000 } },
    entry: 'Takeout/My Activity/Assistant/MyActivity.json',
    warm: false
  },
  {
    // Past the 32M-char bound for one item: each is skipped with a problem line, never held whole.
    name: 'Google JSON, 2 items of 63 MB',
    options: { provider: 'google', own: 2, foreign: 0, kind: 'none', google: { metadataOnly: true, padding: 63_000_000 } },
    entry: 'Takeout/My Activity/Assistant/MyActivity.json',
    warm: false
  },
  { name: 'Google HTML, 3 of 12 activities of 20 MB', make: bigHtml, entry: 'Takeout/My Activity/Assistant/MyActivity.html', warm: false }
]
