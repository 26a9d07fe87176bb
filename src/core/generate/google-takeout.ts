import { Readable } from 'node:stream'
import { berlinOffsetMinutes } from './amazon-current'
import { makeClip, type ClipOptions } from './clips'
import { macDebris } from './amazon-files'
import type { Persona } from './people'
import type { Plan, PlannedRecording } from './plan'
import type { Random } from './random'
import type { GenNode } from './tree'
import type { TruthRecording } from './truth'

export interface GoogleVariations {
  locale: 'en' | 'de'
  parts: number
  /** 'json' only, the 'twin' HTML beside it, or the HTML 'only' (the user chose HTML). */
  html: 'json' | 'twin' | 'only'
  /** A no-break space in the activity folder's name, as translated exports have. */
  nbsp: boolean
  macDebris: boolean
  /** Items whose `audioFiles` is left out: their audio must be found by the time in its name. */
  unreferencedAudio: number
  itemsWithoutAudio: number
  audioWithoutItems: number
  bom: boolean
  /** No audio; long answers and places pad each item, for the benchmark's big JSON. */
  metadataOnly: boolean
  /** Extra bytes of answer text per item (metadata-heavy inputs). */
  padding: number
  /** Of the stranger's items, the share Google marks "From unrecognized speaker" (every other one at 0.5); the rest only the voice betrays. */
  unrecognizedShare: number
}

export const GOOGLE_DEFAULTS: GoogleVariations = { locale: 'en', parts: 1, html: 'json', nbsp: false, macDebris: false, unreferencedAudio: 0, itemsWithoutAudio: 0, audioWithoutItems: 0, bom: false, metadataOnly: false, padding: 0, unrecognizedShare: 1 }

const NAMES = {
  en: { index: 'archive_browser.html', activity: 'My Activity', file: 'MyActivity', profile: 'Profile/Profile.json', said: (t: string) => `Said ${t}`, title: 'Archive for', hotword: 'Started by hotword', stranger: 'From unrecognized speaker' },
  de: { index: 'Archiv_Übersicht.html', activity: 'Meine Aktivitäten', file: 'MeineAktivitäten', profile: 'Profil/Profil.json', said: (t: string) => `Gesagt: „${t}“`, title: 'Archiv für', hotword: 'Durch Hotword gestartet', stranger: 'From unrecognized speaker' }
} as const

const audioName = (ms: number) => {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)}_${iso.slice(11, 13)}_${iso.slice(14, 16)}_${iso.slice(17, 19)}_${iso.slice(20, 23)}_UTC.mp3`
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The HTML twin's local time, Berlin time with the zone abbreviation its locale prints. */
function htmlTime(ms: number, locale: 'en' | 'de'): string {
  const offset = berlinOffsetMinutes(ms)
  const d = new Date(ms + offset * 60_000)
  const [Y, M, D, h, m, s] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
  const two = (n: number) => String(n).padStart(2, '0')
  if (locale === 'de') return `${two(D)}.${two(M + 1)}.${Y}, ${two(h)}:${two(m)}:${two(s)} ${offset === 120 ? 'MESZ' : 'MEZ'}`
  return `${MONTHS_EN[M]} ${D}, ${Y}, ${h % 12 || 12}:${two(m)}:${two(s)}\u202f${h < 12 ? 'AM' : 'PM'} ${offset === 120 ? 'CEST' : 'CET'}`
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

interface Item {
  r: PlannedRecording
  /** Extra answer text for metadata-heavy benchmark inputs, '' otherwise. */
  padding: string
  time: number
  audio: string | null
  referenced: boolean
  stranger: boolean
}

const PAD_WORDS = ['the', 'weather', 'tomorrow', 'will', 'be', 'cloudy', 'with', 'light', 'rain', 'in', 'the', 'afternoon', 'and', 'a', 'high', 'of', 'fourteen', 'degrees', 'traffic', 'is', 'moderate', 'on', 'the', 'usual', 'route', 'here', 'is', 'what', 'I', 'found', 'on', 'the', 'web']

/** Varied words, so big benchmark inputs deflate like real text rather than like one repeated letter. */
function paddingText(rng: Random, length: number): string {
  if (length <= 0) return ''
  const words: string[] = []
  let n = 0
  while (n < length) {
    const w = PAD_WORDS[Math.floor(rng.next() * PAD_WORDS.length)]!
    words.push(w)
    n += w.length + 1
  }
  return words.join(' ')
}

function itemJson(it: Item, locale: 'en' | 'de'): object {
  const n = NAMES[locale]
  return {
    header: 'Assistant',
    title: n.said(it.r.transcript),
    titleUrl: `https://www.google.com/search?q=${encodeURIComponent(it.r.transcript)}`,
    time: new Date(it.time).toISOString(),
    products: ['Assistant'],
    subtitles: [{ name: it.r.response }, ...(it.padding ? [{ name: it.padding }] : [])],
    details: [{ name: n.hotword }, ...(it.stranger ? [{ name: n.stranger }] : [])],
    locationInfos: [{ name: 'At this general area', url: `https://www.google.com/maps/@?api=1&map_action=map&query=${encodeURIComponent(it.r.speaker.home)}`, source: 'From your places (Home)', sourceUrl: 'https://support.google.com/maps/answer/3184808' }],
    ...(it.audio && it.referenced ? { audioFiles: [it.audio] } : {}),
    activityControls: ['Web & App Activity', 'Voice & Audio Activity']
  }
}

function itemHtml(it: Item, locale: 'en' | 'de'): string {
  const n = NAMES[locale]
  const audio = it.audio && it.referenced ? `<audio controls><source src="${it.audio}"></audio><br>` : ''
  return `<div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp"><div class="mdl-grid"><div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">Assistant<br></p></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">${escapeHtml(n.said(it.r.transcript))}<br>${htmlTime(it.time, locale)}<br>${audio}${escapeHtml(it.r.response)}<br></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div><div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;Assistant<br><b>Details:</b><br>&emsp;${escapeHtml(n.hotword)}<br>${it.stranger ? `&emsp;${n.stranger}<br>` : ''}</div></div></div>`
}

function jsonStream(items: readonly Item[], v: GoogleVariations): () => Readable {
  return () =>
    Readable.from(
      (function* () {
        yield `${v.bom ? '\ufeff' : ''}[`
        for (const [i, it] of items.entries()) yield `${i ? ',' : ''}\n  ${JSON.stringify(itemJson(it, v.locale), null, 2).replace(/\n/g, '\n  ')}`
        yield '\n]\n'
      })()
    )
}

/** One Takeout tree (one account): index page, profile, the assistant's activity and its audio. */
async function takeoutRoot(root: string, account: Persona, recs: readonly PlannedRecording[], plan: Plan, rng: Random, v: GoogleVariations, clips: ClipOptions, part: (i: number) => string | null): Promise<{ nodes: Array<GenNode & { partIndex: number }>; truth: TruthRecording[] }> {
  const n = NAMES[v.locale]
  const activity = `${root}/${v.nbsp ? n.activity.replace(' ', '\u00a0') : n.activity}/Assistant`
  const nodes: Array<GenNode & { partIndex: number }> = [
    { path: `${root}/${n.index}`, partIndex: 0, content: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Google Takeout</title></head><body><h1 class="header_title">${n.title} ${account.email}</h1><p>Your account, your data. Questions: <a href="mailto:takeout-help@google.com">help</a></p></body></html>` },
    { path: `${root}/${n.profile}`, partIndex: 0, content: JSON.stringify({ displayName: account.firstName, name: { givenName: account.firstName, familyName: account.lastName, formattedName: `${account.firstName} ${account.lastName}` }, emails: [{ value: account.email, type: 'account' }] }, null, 2) },
    { path: `${root}/${n.activity}/Search/${n.file}.json`, partIndex: 0, content: '[]' }
  ]
  const items: Item[] = []
  const truth: TruthRecording[] = []
  const m = recs.length
  const spread = (count: number, shift: number) => new Set(Array.from({ length: count }, (_, i) => Math.floor(((i + shift) * m) / Math.max(1, count))))
  const noAudio = spread(v.itemsWithoutAudio, 0.5)
  const unreferenced = spread(v.unreferencedAudio, 0.25)
  let audioCount = 0
  let strangerItems = 0
  for (const [i, r] of recs.entries()) {
    const hasAudio = !v.metadataOnly && !noAudio.has(i)
    const audio = hasAudio ? audioName(r.time + rng.int(1000, 4000) + rng.int(0, 999)) : null
    const stranger = r.foreign && r.reasons.includes('unrecognized-speaker') && marksStranger(v.unrecognizedShare, strangerItems++)
    items.push({ r, padding: paddingText(rng, v.padding), time: r.time, audio, referenced: !unreferenced.has(i), stranger })
    const partIndex = audioCount++ % v.parts
    if (audio) nodes.push({ path: `${activity}/${audio}`, partIndex, content: await makeClip(r.transcript, r.language, r.speaker.voice, rng, { ...clips, format: 'mp3' }) })
    truth.push({ time: new Date(r.time).toISOString(), audioPath: audio ? `${activity}/${audio}` : null, part: audio ? part(partIndex) : null, deviceSerial: null, transcript: r.transcript, hasMetadata: true, foreign: r.foreign, reasons: r.reasons })
  }
  for (let i = 0; i < v.audioWithoutItems; i++) {
    const name = audioName(recs[recs.length - 1]!.time + (i + 1) * 7_200_000)
    const partIndex = audioCount++ % v.parts
    nodes.push({ path: `${activity}/${name}`, partIndex, content: await makeClip(plan.owner.firstName, plan.owner.language, plan.owner.voice, rng, { ...clips, format: 'mp3' }) })
    truth.push({ time: `${name.slice(0, 10)}T${name.slice(11, 13)}:${name.slice(14, 16)}:${name.slice(17, 19)}.${name.slice(20, 23)}Z`, audioPath: `${activity}/${name}`, part: part(partIndex), deviceSerial: null, transcript: null, hasMetadata: false, foreign: false, reasons: [] })
  }
  if (v.html !== 'only') nodes.push({ path: `${activity}/${n.file}.json`, partIndex: 0, content: jsonStream(items, v) })
  if (v.html !== 'json') nodes.push({ path: `${activity}/${n.file}.html`, partIndex: 0, content: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="mdl-grid">${items.map((it) => itemHtml(it, v.locale)).join('\n')}</div></body></html>` })
  return { nodes, truth }
}

export const takeoutPartName = (i: number) => `takeout-20240301T101010Z-${String(i + 1).padStart(3, '0')}.zip`

/** Google Takeout: English or German names, split into parts, a second account's tree when planted. */
export async function googleTakeout(plan: Plan, rng: Random, v: GoogleVariations, clips: ClipOptions): Promise<{ parts: GenNode[][]; truth: TruthRecording[] }> {
  const part = (i: number) => (v.parts > 1 ? takeoutPartName(i) : null)
  const second = plan.reasons.includes('second-account')
  const own = await takeoutRoot('Takeout', plan.owner, plan.recordings.filter((r) => !(second && r.foreign)), plan, rng, v, clips, part)
  const nodes = [...own.nodes]
  const truth = [...own.truth]
  const foreign = plan.recordings.filter((r) => second && r.foreign)
  if (foreign.length > 0) {
    // Another person's Takeout inside this one: a second root, with its own index page naming its account.
    const other = await takeoutRoot('takeout-20231120T081500Z-001/Takeout', plan.stranger, foreign, plan, rng, v, clips, part)
    nodes.push(...other.nodes)
    truth.push(...other.truth)
  }
  if (v.macDebris) nodes.push(...macDebris(nodes.filter((x) => x.path.endsWith('.mp3')).slice(0, 3)).map((d) => ({ ...d, partIndex: 0 })))
  const parts: GenNode[][] = Array.from({ length: v.parts }, () => [])
  for (const { partIndex, ...node } of nodes) parts[partIndex]!.push(node as GenNode)
  return { parts, truth }
}

/** Whether the n-th (0-based) of the stranger's items carries Google's mark, spreading `share` evenly. */
const marksStranger = (share: number, n: number): boolean => Math.floor((n + 1) * share) > Math.floor(n * share)
