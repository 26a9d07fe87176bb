import { describe, expect, it } from 'vitest'
import type { GoogleVariations } from '../../generate'
import { MAX_ITEM_CHARS } from './json-items'
import { factsOfReading, factsOfTruth, readBuilt } from '../testing/read-built'

const google = (kind: Parameters<typeof readBuilt>[0]['kind'], google: Partial<GoogleVariations> = {}, extra: Parameters<typeof readBuilt>[1] = []) =>
  readBuilt({ provider: 'google', own: 5, foreign: 3, kind, seed: 'google-test', google }, extra)

const OWNER = 'anna.berger@example.org'
const STRANGER = 'tkrueger.mail@example.net'

describe('google-assistant', () => {
  it('reads an English Takeout: 8 recordings tied to their MP3 by audioFiles, the account from the index page', async () => {
    const { truth, reading } = await google('other-city')
    expect(truth.counts).toMatchObject({ recordings: 8, foreign: 3, audioFiles: 8 })
    expect(factsOfReading(reading)).toEqual(factsOfTruth(truth))
    expect(reading.providers.map((p) => p.id)).toEqual(['google-assistant'])
    expect(reading.account).toEqual({ ids: [OWNER], names: ['Anna Berger'], emails: [OWNER] })
    // Takeout names no device: the account's Assistant is the one lane, its registration unknown.
    expect(reading.devices).toEqual([expect.objectContaining({ provider: 'google-assistant', name: `Google Assistant (${OWNER})`, serial: null, type: 'Google account', registered: false, registrationKnown: false, recordings: 8 })])
    expect(reading.recordings.every((r) => r.deviceId === reading.devices[0]!.id)).toBe(true)
    expect(reading.problems).toEqual([])
    const first = reading.recordings[0]!
    expect(first.accountId).toBe(OWNER)
    expect(first.source.file).toBe('Takeout/My Activity/Assistant/MyActivity.json')
    expect(first.source.fields.details).toBe('Started by hotword')
    expect(first.response).not.toBeNull()
  })

  it('reads a German Takeout in three parts, with a no-break space in a folder name', async () => {
    const { truth, reading } = await google('unknown-names', { locale: 'de', parts: 3, nbsp: true })
    expect(factsOfReading(reading)).toEqual(factsOfTruth(truth))
    expect(new Set(reading.recordings.map((r) => r.audio?.part))).toEqual(new Set(['takeout-20240301T101010Z-001.zip', 'takeout-20240301T101010Z-002.zip', 'takeout-20240301T101010Z-003.zip']))
    expect(reading.recordings[0]!.source.file).toBe('Takeout/Meine\u00a0Aktivitäten/Assistant/MeineAktivitäten.json')
    expect(reading.account.emails).toEqual([OWNER])
    expect(reading.recordings.every((r) => r.transcript && !/^Gesagt/.test(r.transcript))).toBe(true)
  })

  it('finds a second account: its own Takeout root and index page, its recordings tied to its email', async () => {
    const { truth, reading } = await google('second-account')
    expect(factsOfReading(reading)).toEqual(factsOfTruth(truth))
    expect(reading.accounts.map((a) => [a.role, a.emails])).toEqual([
      ['owner', [OWNER]],
      ['other', [STRANGER]]
    ])
    expect(reading.account.emails).toEqual([OWNER])
    const theirs = reading.recordings.filter((r) => r.accountId === STRANGER)
    expect(theirs.map((r) => r.time).sort()).toEqual(truth.recordings.filter((t) => t.foreign).map((t) => t.time).sort())
    // Each account's tree is a lane of its own, with a stable id.
    const lanes = new Map(reading.devices.map((d) => [d.id, d.name]))
    expect([...lanes.values()].sort()).toEqual([`Google Assistant (${OWNER})`, `Google Assistant (${STRANGER})`])
    expect(new Set(theirs.map((r) => lanes.get(r.deviceId!)))).toEqual(new Set([`Google Assistant (${STRANGER})`]))
    expect((await google('second-account')).reading.devices.map((d) => d.id)).toEqual(reading.devices.map((d) => d.id))
  })

  it('keeps Voice Match\'s "From unrecognized speaker" as a signal on exactly the planted items', async () => {
    const { truth, reading } = await google('unrecognized-speaker')
    const flagged = reading.recordings.filter((r) => r.signals.includes('unrecognized-speaker'))
    expect(flagged.map((r) => r.time).sort()).toEqual(truth.recordings.filter((t) => t.foreign).map((t) => t.time).sort())
  })

  it('ties audio by the time in its name when audioFiles is missing; lists items without audio and audio without items', async () => {
    const { truth, reading } = await google('none', { unreferencedAudio: 2, itemsWithoutAudio: 1, audioWithoutItems: 2, macDebris: true })
    expect(truth.counts).toMatchObject({ recordings: 10, withoutAudio: 1, withoutMetadata: 2 })
    expect(factsOfReading(reading)).toEqual(factsOfTruth(truth))
    expect(reading.recordings.filter((r) => r.signals.includes('metadata-missing'))).toHaveLength(2)
    expect(reading.recordings.some((r) => r.provider === 'generic-audio')).toBe(false)
  })

  it.each([
    ['the HTML twin beside the JSON is not read twice', 'twin'],
    ['the HTML alone, local times with zone abbreviations', 'only']
  ] as const)('%s', async (_name, html) => {
    for (const locale of ['en', 'de'] as const) {
      const { truth, reading } = await google('unrecognized-speaker', { html, locale })
      expect(factsOfReading(reading)).toEqual(factsOfTruth(truth))
      expect(reading.recordings.filter((r) => r.signals.includes('unrecognized-speaker'))).toHaveLength(3)
      expect(reading.problems).toEqual([])
    }
  })

  it('reports malformed JSON with its line and keeps the items before it', async () => {
    const broken = '[\n  {"header": "Assistant", "title": "Said hello", "time": "2023-05-01T10:00:00.000Z"},\n  {"header": "Assistant", "title": "Said again", "time": "2023-05-01T10:05:00.000Z"},\n  {"header": "Assistant", "title": "Said oops", "time": }\n]\n'
    const { reading } = await google('none', {}, [{ path: 'Takeout/My Activity/Voice and Audio/MyActivity.json', content: broken }])
    const fromBroken = reading.recordings.filter((r) => r.source.file.includes('Voice and Audio'))
    expect(fromBroken.map((r) => [r.time, r.transcript])).toEqual([
      ['2023-05-01T10:00:00.000Z', 'hello'],
      ['2023-05-01T10:05:00.000Z', 'again']
    ])
    expect(reading.problems).toEqual([expect.objectContaining({ kind: 'malformed-json', path: 'Takeout/My Activity/Voice and Audio/MyActivity.json', line: 4 })])
    expect(reading.recordings).toHaveLength(8 + 2)
  })

  it('reports a truncated JSON file and an empty one reads as no recordings', async () => {
    const truncated = '[\n  {"header": "Assistant", "title": "Said hello", "time": "2023-05-01T10:00:00.000Z"},\n  {"header": "Assist'
    const { reading } = await google('none', {}, [
      { path: 'Takeout/My Activity/Voice and Audio/MyActivity.json', content: truncated },
      { path: 'Takeout/My Activity/Audio/MyActivity.json', content: '[]' }
    ])
    expect(reading.recordings.filter((r) => r.source.file.includes('Voice and Audio')).map((r) => r.transcript)).toEqual(['hello'])
    expect(reading.problems).toEqual([expect.objectContaining({ kind: 'malformed-json', line: 3 })])
  })

  it('skips an item past the size bound with a problem naming it; the items after it are read', async () => {
    const item = (title: string, time: string) => `{"header": "Assistant", "title": "${title}", "time": "${time}"}`
    const huge = `{"header": "Assistant", "title": "Said ${'a'.repeat(MAX_ITEM_CHARS)}", "time": "2023-05-01T10:02:00.000Z"}`
    const text = `[\n  ${item('Said hello', '2023-05-01T10:00:00.000Z')},\n  ${huge},\n  ${item('Said after', '2023-05-01T10:05:00.000Z')}\n]\n`
    const { reading } = await google('none', {}, [{ path: 'Takeout/My Activity/Voice and Audio/MyActivity.json', content: text }])
    const fromBig = reading.recordings.filter((r) => r.source.file.includes('Voice and Audio'))
    expect(fromBig.map((r) => r.transcript)).toEqual(['hello', 'after'])
    const offset = text.indexOf('{"header": "Assistant", "title": "Said aaa')
    expect(reading.problems).toEqual([expect.objectContaining({ kind: 'limit', path: 'Takeout/My Activity/Voice and Audio/MyActivity.json', message: expect.stringContaining(`Item 2 (from byte ${offset}) holds ${huge.length} characters`) })])
  })

  it('an HTML file with a malformed %-escape in one audio name loses nothing: the raw name is looked up', async () => {
    const cell = (title: string, time: string, audio: string) =>
      `<div class="outer-cell"><div class="header-cell"><p>Assistant<br></p></div><div class="content-cell">${title}<br>${time}<br><audio controls><source src="${audio}"></audio><br></div></div>`
    const html = `<html><body>${cell('Said first', 'May 1, 2023, 10:00:00 AM UTC', 'first%20clip.mp3')}${cell('Said broken', 'May 1, 2023, 10:05:00 AM UTC', 'clip%ZZ.mp3')}${cell('Said last', 'May 1, 2023, 10:09:00 AM UTC', 'last.mp3')}</body></html>`
    const dir = 'Takeout/My Activity/Voice and Audio'
    const { reading } = await google('none', {}, [
      { path: `${dir}/MyActivity.html`, content: html },
      { path: `${dir}/first clip.mp3`, content: 'ID3 first' },
      { path: `${dir}/clip%ZZ.mp3`, content: 'ID3 broken' },
      { path: `${dir}/last.mp3`, content: 'ID3 last' }
    ])
    const fromHtml = reading.recordings.filter((r) => r.source.file === `${dir}/MyActivity.html`)
    expect(fromHtml.map((r) => [r.transcript, r.audio?.path])).toEqual([
      ['first', `${dir}/first clip.mp3`],
      ['broken', `${dir}/clip%ZZ.mp3`],
      ['last', `${dir}/last.mp3`]
    ])
    expect(reading.problems).toEqual([])
  })

  it('an item with no title, time, answer or audio is no recording: counted in problem lines, the items around it read', async () => {
    const items = ['{"header": "Assistant", "title": "Said hello", "time": "2023-05-01T10:00:00.000Z"}', ...Array.from({ length: 30 }, () => '{}'), '{"header": "Assistant", "products": ["Assistant"]}', '{"title": "Said no time"}']
    const dir = 'Takeout/My Activity/Voice and Audio'
    const cell = (inner: string) => `<div class="outer-cell"><div class="header-cell"><p>Assistant<br></p></div><div class="content-cell">${inner}</div></div>`
    const html = `<html><body>${cell('Said first<br>May 1, 2023, 10:00:00 AM UTC<br>')}${cell('')}${cell('Said last<br>May 1, 2023, 10:09:00 AM UTC<br>')}</body></html>`
    const { reading } = await google('none', {}, [
      { path: `${dir}/MyActivity.json`, content: `[${items.join(',\n')}]` },
      { path: 'Takeout/My Activity/Audio/MyActivity.html', content: html }
    ])
    // The item with a title and no time stays a recording (its time is a problem of its own); the hollow ones do not.
    expect(reading.recordings.filter((r) => r.source.file === `${dir}/MyActivity.json`).map((r) => r.transcript).sort()).toEqual(['hello', 'no time'])
    expect(reading.recordings.filter((r) => r.source.file.endsWith('.html')).map((r) => r.transcript)).toEqual(['first', 'last'])
    const empty = reading.problems.filter((p) => p.kind === 'empty-item')
    const fromJson = empty.filter((p) => p.path === `${dir}/MyActivity.json`)
    // 31 hollow items: 20 named, then one line counting the rest.
    expect(fromJson).toHaveLength(21)
    expect(fromJson[0]!.message).toMatch(/^Item 2 holds no title, time, answer or audio/)
    expect(fromJson.at(-1)!.message).toContain('11 more problems of this kind (31 in all)')
    expect(empty.filter((p) => p.path?.endsWith('.html')).map((p) => p.message)).toEqual([expect.stringMatching(/^Activity 2 holds no title/)])
  })

  it('4,000 one-item activity files beside 20,000 MP3s: each item takes the audio saved just after it, and each file looks only near its items', async () => {
    // Every file of a folder once took all of the folder's audio, read each name's time and sorted them: 79 s.
    const dir = 'Takeout/My Activity/Voice and Audio'
    const start = Date.UTC(2023, 0, 1)
    const name = (k: number) => `${new Date(start + k * 7000).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '_')}_000_UTC.mp3`
    const audio = Array.from({ length: 20_000 }, (_, k) => ({ path: `${dir}/${name(k)}`, content: 'ID3' }))
    // Item i one second before audio 5i: 5i is the one just after it, within the 15 s an item's audio may lag.
    const files = Array.from({ length: 4000 }, (_, i) => ({ path: `${dir}/a${i}.json`, content: JSON.stringify([{ header: 'Assistant', title: `Said item ${i}`, time: new Date(start + i * 35_000 - 1000).toISOString() }]) }))
    const { reading } = await google('none', {}, [...files, ...audio])
    const items = reading.recordings.filter((r) => r.transcript?.startsWith('item '))
    expect(items).toHaveLength(4000)
    expect(items.every((r) => r.audio?.path === `${dir}/${name(5 * Number(r.transcript!.slice(5)))}`)).toBe(true)
    // The audio no item took is listed on its own, as before.
    expect(reading.recordings.filter((r) => r.audio?.path.startsWith(dir) && !r.transcript)).toHaveLength(16_000)
  })
})
