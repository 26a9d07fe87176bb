// Inputs built to make a reader's cost grow with the square of their size (what an adversarial sweep
// found in issue 15's readers), each beside a control of the same size that no reader finds hard.
// Small ZIPs: the size is in the shape, not in the audio.
import { encodeWav } from '../../src/core/generate/wav'
import { thueMorseTwins } from '../../test/fixtures/hash-flood'
import type { FileSpec } from '../../test/fixtures/archives'

const WAV = encodeWav(new Int16Array(800).map((_, i) => Math.round(8000 * Math.sin(i / 5))), 16000)
const ACTIVITY = 'Takeout/My Activity/Assistant/'
const CSV_HEADER = 'Timestamp,Device Name,Device Serial Number,Customer ID,Utterance,Audio File,Device Type,Alexa Response,Status'
const time = (i: number) => new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString().replace('.000', '')
const csvRow = (i: number, audio: string) => `${time(i)},Echo Dot,G090LF1122334455,A1OWNER7XQ2ZKM,wie spaet ist es,${audio},ECHO,OK,SUCCESS`
const item = (title: string) => ({ header: 'Assistant', title, time: '2023-01-01T10:00:00.000Z', products: ['Assistant'] })
const htmlItem = (body: string) =>
  `<div class="outer-cell mdl-cell"><div class="mdl-grid"><div class="header-cell mdl-cell"><p>Assistant<br></p></div><div class="content-cell mdl-cell">${body}<br>Jan 1, 2023, 10:00:00 AM UTC<br></div></div></div>`

export interface Shape {
  name: string
  /** What n counts. */
  unit: string
  sizes: [number, number, number]
  hostile: (n: number) => FileSpec[]
  control: (n: number) => FileSpec[]
}

export const SHAPES: Shape[] = [
  {
    name: "Google index page: address characters, no @",
    unit: 'characters',
    sizes: [500_000, 1_000_000, 2_000_000],
    hostile: (n) => [{ name: 'Takeout/archive_browser.html', data: `<p>${'a'.repeat(n)} owner@example.org</p>` }, { name: `${ACTIVITY}MyActivity.json`, data: JSON.stringify([item('Said hello')]) }],
    control: (n) => [{ name: 'Takeout/archive_browser.html', data: `<p>${'ab cd '.repeat(n / 6)} owner@example.org</p>` }, { name: `${ACTIVITY}MyActivity.json`, data: JSON.stringify([item('Said hello')]) }]
  },
  {
    name: 'Google title: quotes inside the words',
    unit: 'quotes',
    sizes: [50_000, 100_000, 200_000],
    hostile: (n) => [{ name: `${ACTIVITY}MyActivity.json`, data: JSON.stringify([item(`Said x${'"'.repeat(n)}y`), item('Said hello')]) }],
    control: (n) => [{ name: `${ACTIVITY}MyActivity.json`, data: JSON.stringify([item(`Said x${'q'.repeat(n)}y`), item('Said hello')]) }]
  },
  {
    name: 'MyActivity.html: tags left open',
    unit: 'tags',
    sizes: [25_000, 50_000, 100_000],
    hostile: (n) => [{ name: `${ACTIVITY}MyActivity.html`, data: htmlItem('Said hi') + '<div class="outer-cell">'.repeat(n) + htmlItem('Said there') }],
    control: (n) => [{ name: `${ACTIVITY}MyActivity.html`, data: htmlItem('Said hi') + '<span></span>'.repeat(n) + htmlItem('Said there') }]
  },
  {
    name: 'Alexa CSV: rows naming one bare name that every folder has',
    unit: 'rows and files',
    sizes: [8_000, 16_000, 32_000],
    hostile: (n) => alexa(n, () => 'rec.wav'),
    control: (n) => alexa(n, (i) => `Audio/f${i}/rec.wav`)
  },
  {
    name: 'Google items without audioFiles and audio files, all of one second',
    unit: 'items and files',
    sizes: [10_000, 20_000, 40_000],
    hostile: (n) => sameSecond(n, () => 0),
    control: (n) => sameSecond(n, (i) => i)
  },
  {
    name: 'Alexa customer file: distinct customer ids',
    unit: 'rows',
    sizes: [50_000, 100_000, 200_000],
    hostile: (n) => customers(n, (i) => i),
    control: (n) => customers(n, () => 0)
  },
  {
    name: 'Alexa CSV: a bare name that 50 files carry, folders deep',
    unit: 'folders deep',
    sizes: [4_000, 8_000, 16_000],
    hostile: (n) => deepCarriers(n, 'rec.wav'),
    control: (n) => deepCarriers(n, `x7/${'a/'.repeat(n)}rec.wav`)
  },
  {
    name: 'Audio names of one FNV-1a hash from any start (Thue-Morse)',
    unit: 'names',
    sizes: [512, 1_024, 2_048],
    hostile: (n) => thueMorseTwins('Audio/', Math.log2(n), '.wav').map((name) => ({ name, data: WAV, compress: false })),
    control: (n) => thueMorseTwins('Audio/', Math.log2(n), '.wav').map((name, i) => ({ name: `Audio/${i.toString(36)}${name.slice(6 + i.toString(36).length)}`, data: WAV, compress: false }))
  },
  // The four below cost the same bytes per unit at every n; what grew was work per file, device or id
  // over all the others (a second sweep, session 14).
  {
    name: 'Google activity files of one item each, beside 5 audio files per item',
    unit: 'files',
    sizes: [500, 1_000, 2_000],
    hostile: (n) => splitActivity(n, n),
    control: (n) => splitActivity(n, 1)
  },
  {
    name: 'Alexa CSV: devices in two daily rhythms, 40 rows each',
    unit: 'devices',
    sizes: [250, 500, 1_000],
    hostile: (n) => rhythms(n, (d) => d),
    control: (n) => rhythms(n, (d) => d % 10)
  },
  {
    name: "Alexa CSV: each row a stranger's customer id on a device of its own",
    unit: 'rows',
    sizes: [5_000, 10_000, 20_000],
    hostile: (n) => strangers(n, (i) => i),
    control: (n) => strangers(n, (i) => i % 10)
  },
  {
    name: 'Google Takeout roots of one item each, each a second account',
    unit: 'roots',
    sizes: [1_000, 2_000, 4_000],
    hostile: (n) => [...takeoutRoot('', 'owner', 1), ...Array.from({ length: n }, (_, i) => takeoutRoot(`u${i}/`, `u${i}`, 1)).flat()],
    control: (n) => [...takeoutRoot('', 'owner', 1), ...takeoutRoot('u0/', 'u0', n)]
  },
  {
    name: 'Alexa CSV: each row asks about a town of its own that no gazetteer knows',
    unit: 'rows',
    sizes: [5_000, 10_000, 20_000],
    hostile: (n) => [{ name: 'Alexa/Alexa.VoiceHistory.csv', data: [CSV_HEADER, ...Array.from({ length: n }, (_, i) => csvRow(i, '').replace('wie spaet ist es', `wie ist das wetter in Qz${i.toString(36)}burg`))].join('\n') }],
    control: (n) => [{ name: 'Alexa/Alexa.VoiceHistory.csv', data: [CSV_HEADER, ...Array.from({ length: n }, (_, i) => csvRow(i, '').replace('wie spaet ist es', `wie ist das wetter in Berlin ${i.toString(36)}`))].join('\n') }]
  },
  {
    name: 'Alexa: voice histories of one row each',
    unit: 'files',
    sizes: [2_500, 5_000, 10_000],
    hostile: (n) => Array.from({ length: n }, (_, i) => ({ name: `Alexa/f${i}/Alexa.VoiceHistory.csv`, data: `${CSV_HEADER}\n${csvRow(i, '')}` })),
    control: (n) => [{ name: 'Alexa/f0/Alexa.VoiceHistory.csv', data: [CSV_HEADER, ...Array.from({ length: n }, (_, i) => csvRow(i, ''))].join('\n') }]
  }
]

/** Takeout's name for audio saved at `ms`: 2023-01-01_00_00_07_UTC, then anything (`tail`). */
const takeoutAudioName = (ms: number, tail = '') => `${new Date(ms).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '_')}_UTC${tail}.wav`

/** n Google items in `files` activity files, item i a second before the first of its 5 audio files (7 s apart). */
function splitActivity(n: number, files: number): FileSpec[] {
  const start = Date.UTC(2023, 0, 1)
  const name = (k: number) => takeoutAudioName(start + k * 7000, `_${k}`)
  const items = Array.from({ length: n }, (_, i) => ({ ...item(`Said hello ${i}`), time: new Date(start + i * 35_000 - 1000).toISOString() }))
  const per = Math.ceil(n / files)
  const activity = Array.from({ length: files }, (_, f) => ({ name: `${ACTIVITY}a${f}.json`, data: JSON.stringify(items.slice(f * per, (f + 1) * per)) }))
  return [...activity, ...Array.from({ length: 5 * n }, (_, k) => ({ name: `${ACTIVITY}${name(k)}`, data: WAV, compress: false }))]
}

/** 40 rows on each of n devices, half of them at midnight and half at noon, device d written as serial(d). */
function rhythms(n: number, serial: (d: number) => number): FileSpec[] {
  const rows: string[] = []
  for (let d = 0; d < n; d++) {
    for (let j = 0; j < 40; j++) {
      const t = new Date(Date.UTC(2023, 0, 1 + j) + (d % 2 ? 12 : 0) * 3_600_000 + d * 1000).toISOString().replace('.000', '')
      rows.push(`${t},Echo ${serial(d)},G090${String(serial(d)).padStart(12, '0')},A1OWNER7XQ2ZKM,wie spaet ist es,,ECHO,OK,SUCCESS`)
    }
  }
  return [{ name: 'Alexa/Alexa.VoiceHistory.csv', data: [CSV_HEADER, ...rows].join('\n') }]
}

/** n rows, row i on its own device with customer id id(i), none of them the owner's (A1OWNER7XQ2ZKM). */
function strangers(n: number, id: (i: number) => number): FileSpec[] {
  const rows = Array.from({ length: n }, (_, i) => `${time(i)},Echo ${i},G090${String(i).padStart(12, '0')},A${String(id(i)).padStart(13, '0')},wie spaet ist es,,ECHO,OK,SUCCESS`)
  return [
    { name: 'Alexa/Alexa.VoiceHistory.csv', data: [CSV_HEADER, ...rows].join('\n') },
    { name: 'Digital.CustomerAttributes.1.csv', data: 'CustomerId,Marketplace,PreferredLanguage\nA1OWNER7XQ2ZKM,amazon.de,de_DE' }
  ]
}

function alexa(n: number, audioOf: (i: number) => string): FileSpec[] {
  const rows = Array.from({ length: n }, (_, i) => csvRow(i, audioOf(i)))
  return [{ name: 'Alexa/Alexa.VoiceHistory.csv', data: [CSV_HEADER, ...rows].join('\n') }, ...Array.from({ length: n }, (_, i) => ({ name: `Alexa/Audio/f${i}/rec.wav`, data: WAV, compress: false }))]
}

/** 50 files named rec.wav, each under its own chain of `depth` folders, and a row naming one (bare, or by its path). */
function deepCarriers(depth: number, audio: string): FileSpec[] {
  const files = Array.from({ length: 50 }, (_, i) => ({ name: `Alexa/x${i}/${'a/'.repeat(depth)}rec.wav`, data: WAV, compress: false }))
  return [{ name: 'Alexa/Alexa.VoiceHistory.csv', data: `${CSV_HEADER}\n${csvRow(0, audio)}` }, ...files]
}

/** n Google items without audioFiles and n audio files whose names carry their time, item and file i at second(i). */
function sameSecond(n: number, second: (i: number) => number): FileSpec[] {
  const at = (i: number) => new Date(Date.UTC(2023, 0, 1) + second(i) * 1000)
  const items = Array.from({ length: n }, (_, i) => ({ ...item(`Said hello ${i}`), time: at(i).toISOString() }))
  const name = (i: number) => takeoutAudioName(at(i).getTime(), `_${i}`)
  return [{ name: `${ACTIVITY}MyActivity.json`, data: JSON.stringify(items) }, ...Array.from({ length: n }, (_, i) => ({ name: `${ACTIVITY}${name(i)}`, data: WAV, compress: false }))]
}

/** A small voice history and a CustomerAttributes file of n rows, row i naming customer id(i). */
function customers(n: number, id: (i: number) => number): FileSpec[] {
  const rows = Array.from({ length: n }, (_, i) => `A${id(i).toString(36).toUpperCase().padStart(13, '0')},amazon.de,de_DE`)
  return [
    { name: 'Alexa/Alexa.VoiceHistory.csv', data: `${CSV_HEADER}\n${csvRow(0, '')}` },
    { name: 'Digital.CustomerAttributes.1.csv', data: ['CustomerId,Marketplace,PreferredLanguage', ...rows].join('\n') }
  ]
}

/** A Takeout root under `prefix` for the account `user`@example.org: its index page, and `items` activities with their audio. */
function takeoutRoot(prefix: string, user: string, items: number): FileSpec[] {
  const email = `${user}@example.org`
  const start = Date.UTC(2023, 0, 1) + (user === 'owner' ? 0 : Number(user.slice(1)) + 10) * 60_000
  const list = Array.from({ length: items }, (_, j) => ({ ...item(`Said what time is it ${j}`), time: new Date(start + j * 60_000).toISOString(), audioFiles: [takeoutAudioName(start + j * 60_000 + 1500)] }))
  return [
    { name: `${prefix}Takeout/archive_browser.html`, data: `<html><body><h1>Archive for ${email}</h1></body></html>` },
    { name: `${prefix}${ACTIVITY}MyActivity.json`, data: JSON.stringify(list) },
    ...list.map((x) => ({ name: `${prefix}${ACTIVITY}${x.audioFiles[0]}`, data: WAV, compress: false }))
  ]
}
