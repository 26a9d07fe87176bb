import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { MAX_ACTIVITY_CHARS, MAX_OPEN_TAGS, readActivityHtml, refName, type HtmlActivity, type TooDeep } from './activity-html'

const cell = (title: string, audio: string) =>
  `<div class="outer-cell"><div class="header-cell"><p>Assistant<br></p></div><div class="content-cell">${title}<br>May 1, 2023, 10:00:00 AM UTC<br><audio controls><source src="${audio}"></audio><br></div></div>`

async function activities(html: string, chunk = 1000, onTooDeep?: (at: TooDeep) => void): Promise<HtmlActivity[]> {
  const pieces = Array.from({ length: Math.ceil(html.length / chunk) }, (_, i) => Buffer.from(html.slice(i * chunk, (i + 1) * chunk)))
  const out: HtmlActivity[] = []
  for await (const a of readActivityHtml(Readable.from(pieces), undefined, onTooDeep)) out.push(a)
  return out
}

describe('refName', () => {
  it('decodes %-escapes of the last path segment', () => {
    expect(refName('Takeout/My%20Activity/Assistant/clip%20%C3%BC.mp3')).toBe('clip ü.mp3')
    expect(refName('clip.mp3')).toBe('clip.mp3')
  })

  it('keeps the raw name when an escape is malformed, instead of throwing', () => {
    for (const raw of ['50%.mp3', 'a%E9.mp3', 'x%ZZ.wav', '%', 'a%C3.mp3']) expect(refName(`dir/${raw}`)).toBe(raw)
  })
})

describe('readActivityHtml', () => {
  it('a malformed %-escape in one file name costs that reference only: every activity is read', async () => {
    const html = `<html><body>${cell('Said one', 'one%20a.mp3')}${cell('Said two', 'two%E9%ZZ.mp3')}${cell('Said three', 'three.mp3')}</body></html>`
    for (const chunk of [7, 100, 100_000]) {
      const got = await activities(html, chunk)
      expect(got.map((a) => [a.content[0], a.audioFiles])).toEqual([
        ['Said one', ['one a.mp3']],
        ['Said two', ['two%E9%ZZ.mp3']],
        ['Said three', ['three.mp3']]
      ])
    }
  })

  it('holds at most the bound of an oversized activity, says where it began, and reads on after it', async () => {
    const head = `<html><body>${cell('Said before', 'a.mp3')}`
    const big = `<div class="outer-cell"><div class="content-cell">Said ${'x'.repeat(MAX_ACTIVITY_CHARS + 5000)}<br>${'<a href="b.mp3">b</a>'.repeat(1000)}</div></div>`
    const html = `${head}${big}${cell('Said after', 'c.mp3')}</body></html>`
    const got = await activities(html, 65_536)
    expect(got).toHaveLength(3)
    expect(got[1]!.oversized).toEqual({ charOffset: head.length, chars: expect.any(Number) })
    expect(got[1]!.oversized!.chars).toBeGreaterThan(MAX_ACTIVITY_CHARS)
    expect(got[1]!.content.join('').length).toBeLessThanOrEqual(MAX_ACTIVITY_CHARS)
    // Past the bound the references are counted, not kept.
    expect(got[1]!.audioFiles).toEqual([])
    expect(got[2]!.content[0]).toBe('Said after')
    expect(got[0]!.oversized).toBeUndefined()
  })

  it('tags left open past the bound: each place is reported, the activities before, among and after them are all read', async () => {
    // Ten times the bound of unclosed tags between two activities, a third inside them: 100,000 such tags took 16 s.
    const nest = '<div class="outer-cell">'.repeat(5 * MAX_OPEN_TAGS) + '<span>'.repeat(5 * MAX_OPEN_TAGS)
    const html = `<html><body>${cell('Said before', 'a.mp3')}${nest}${cell('Said among', 'b.mp3')}</body></html>${cell('Said after', 'c.mp3')}`
    for (const chunk of [7, 1000, 65_536]) {
      const deep: TooDeep[] = []
      const got = await activities(html, chunk, (at) => deep.push(at))
      expect(got.map((a) => [a.content[0], a.audioFiles])).toEqual([
        ['Said before', ['a.mp3']],
        ['Said among', ['b.mp3']],
        ['Said after', ['c.mp3']]
      ])
      // html, body and the 5,120 tags: the parser starts afresh after every 513th open tag, nine times, each at the tag that passed the bound.
      expect(deep).toHaveLength(9)
      for (const { charOffset } of deep) expect(html.slice(charOffset, charOffset + 5)).toMatch(/^<(div|span)/)
    }
  })

  it('an activity cut by tags left open past the bound keeps what it read before them', async () => {
    // html, body and two divs are open: the last of these tags is the one past the bound.
    const html = `<html><body><div class="outer-cell"><div class="content-cell">Said half<br><audio><source src="h.mp3"></audio>${'<b>'.repeat(MAX_OPEN_TAGS - 3)}lost</div></div>${cell('Said next', 'n.mp3')}</body></html>`
    const deep: TooDeep[] = []
    const got = await activities(html, 1000, (at) => deep.push(at))
    expect(got.map((a) => [a.content[0], a.audioFiles])).toEqual([
      ['Said half', ['h.mp3']],
      ['Said next', ['n.mp3']]
    ])
    expect(deep).toEqual([{ charOffset: html.indexOf('<b>lost') }])
  })

  it('a file nested properly, if deeply, below the bound reads as before, with no report', async () => {
    const deep: TooDeep[] = []
    const html = `<html><body>${'<div>'.repeat(MAX_OPEN_TAGS - 20)}${cell('Said deep', 'd.mp3')}${'</div>'.repeat(MAX_OPEN_TAGS - 20)}</body></html>`
    expect((await activities(html, 1000, (at) => deep.push(at))).map((a) => a.content[0])).toEqual(['Said deep'])
    expect(deep).toEqual([])
  })
})
