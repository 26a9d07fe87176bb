import aliases from '../providers/amazon-alexa/aliases.json'
import { makeClip, type ClipOptions } from './clips'
import { toCsv, type CsvStyle } from './csv'
import { amazonAccountFiles, macDebris } from './amazon-files'
import type { Plan, PlannedRecording } from './plan'
import type { Random } from './random'
import type { GenNode } from './tree'
import type { TruthRecording } from './truth'

export interface AmazonVariations {
  csv: CsvStyle
  /** Which alias of every voice-history header to write (0 = ours; past the list's end, its last). */
  aliasSet: number
  /** How times are written: 'z' ISO with Z, 'offset' local +01:00/+02:00, 'none' 'YYYY-MM-DD HH:MM:SS' meaning UTC. */
  zone: 'z' | 'offset' | 'none'
  /** Leave out the optional columns (answer, status, device type). */
  omitOptional: boolean
  emptyTranscripts: number
  rowsWithoutAudio: number
  audioWithoutRows: number
  /** Name audio by bare file name for every third row, not by path relative to the CSV. */
  bareAudioNames: boolean
  /** Some answers hold a comma and a line break, inside quotes. */
  multilineFields: boolean
  /** Alexa's files inside a nested Alexa.zip, as Amazon packs categories. */
  nestedAlexa: boolean
  macDebris: boolean
  missing: ReadonlyArray<'registration' | 'attributes' | 'voice-history'>
  /** Which file-name alias the voice history gets (index into aliases.voiceHistoryFiles). */
  fileAlias: number
  audioFormat: 'wav' | 'mp3'
  /** No audio at all and no audio column: metadata only, for the benchmark's big inputs. */
  metadataOnly: boolean
}

export const AMAZON_DEFAULTS: AmazonVariations = {
  csv: { separator: ',', crlf: false, bom: false },
  aliasSet: 0,
  zone: 'z',
  omitOptional: false,
  emptyTranscripts: 0,
  rowsWithoutAudio: 0,
  audioWithoutRows: 0,
  bareAudioNames: false,
  multilineFields: false,
  nestedAlexa: true,
  macDebris: false,
  missing: [],
  fileAlias: 0,
  audioFormat: 'wav',
  metadataOnly: false
}

const alias = (list: readonly string[], k: number): string => list[Math.min(k, list.length - 1)]!

const pad = (n: number) => String(n).padStart(2, '0')

/** A UTC instant the way the variation writes it; Berlin's offset for 'offset'. */
export function writeTime(ms: number, zone: AmazonVariations['zone']): string {
  const iso = new Date(ms).toISOString().slice(0, 19)
  if (zone === 'z') return `${iso}Z`
  if (zone === 'none') return iso.replace('T', ' ')
  const offset = berlinOffsetMinutes(ms)
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19)
  return `${local}+${pad(offset / 60)}:00`
}

export function berlinOffsetMinutes(ms: number): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000)
}

const statusOf = (r: PlannedRecording, i: number) => (i % 11 === 7 ? 'DISCARDED_NON_DEVICE_DIRECTED_INTENT' : r.transcript ? 'SUCCESS' : 'Audio could not be understood')

/** Amazon's "Request your data" today: category files, nested ZIPs, registration and voice history. */
export async function amazonCurrent(plan: Plan, rng: Random, v: AmazonVariations, clips: ClipOptions): Promise<{ nodes: GenNode[]; truth: TruthRecording[] }> {
  const cols = aliases.voiceHistoryColumns
  const ext = v.audioFormat
  const alexaRoot = 'Alexa/'
  const prefix = v.nestedAlexa ? 'Alexa.zip!/' : ''
  const audioFolder = alias(aliases.audioFolders, v.aliasSet)
  const header = [alias(cols.time, v.aliasSet), alias(cols.deviceName, v.aliasSet), alias(cols.deviceSerial, v.aliasSet), alias(cols.account, v.aliasSet), alias(cols.transcript, v.aliasSet)]
  if (!v.metadataOnly) header.push(alias(cols.audio, v.aliasSet))
  if (!v.omitOptional) header.push(alias(cols.deviceType, v.aliasSet), alias(cols.response, v.aliasSet), alias(cols.status, v.aliasSet))

  const alexa: GenNode[] = []
  const rows: string[][] = [header]
  const truth: TruthRecording[] = []
  const n = plan.recordings.length
  const withoutAudio = new Set(Array.from({ length: v.rowsWithoutAudio }, (_, i) => Math.floor(((i + 0.5) * n) / Math.max(1, v.rowsWithoutAudio))))
  const emptySaid = new Set(Array.from({ length: v.emptyTranscripts }, (_, i) => Math.floor(((i + 0.3) * n) / Math.max(1, v.emptyTranscripts))))
  for (const [i, r] of plan.recordings.entries()) {
    const id = `${new Date(r.time).toISOString().slice(0, 10).replace(/-/g, '')}-${String(i + 1).padStart(6, '0')}-${rng.int(0x1000, 0xffff).toString(16)}`
    const audioName = `${id}.${ext}`
    const hasAudio = !v.metadataOnly && !withoutAudio.has(i)
    const transcript = emptySaid.has(i) ? '' : r.transcript
    if (hasAudio) alexa.push({ path: `${alexaRoot}${audioFolder}/${audioName}`, content: await makeClip(r.transcript, r.language, r.speaker.voice, rng, { ...clips, format: ext }) })
    const customer = r.reasons.includes('foreign-customer-id') || r.reasons.includes('seed') ? plan.stranger.customerId : plan.owner.customerId
    const response = v.multilineFields && i % 4 === 1 ? `${r.response}, really\nsecond line` : r.response
    const row = [writeTime(r.time, v.zone), r.device?.name ?? '', r.device?.serial ?? '', customer, transcript]
    if (!v.metadataOnly) row.push(hasAudio ? (v.bareAudioNames && i % 3 === 0 ? audioName : `${audioFolder}/${audioName}`) : '')
    if (!v.omitOptional) row.push(r.device?.family ?? '', response, statusOf(r, i))
    rows.push(row)
    truth.push({
      time: new Date(Math.floor(r.time / 1000) * 1000).toISOString(),
      audioPath: hasAudio ? `${prefix}${alexaRoot}${audioFolder}/${audioName}` : null,
      part: null,
      deviceSerial: r.device?.serial ?? null,
      transcript: transcript || null,
      hasMetadata: !v.missing.includes('voice-history'),
      foreign: r.foreign,
      reasons: r.reasons
    })
  }
  for (let i = 0; i < v.audioWithoutRows; i++) {
    const name = `orphan-${String(i + 1).padStart(4, '0')}.${ext}`
    alexa.push({ path: `${alexaRoot}${audioFolder}/${name}`, content: await makeClip(plan.owner.firstName, plan.owner.language, plan.owner.voice, rng, { ...clips, format: ext }) })
    truth.push({ time: null, audioPath: `${prefix}${alexaRoot}${audioFolder}/${name}`, part: null, deviceSerial: null, transcript: null, hasMetadata: false, foreign: false, reasons: [] })
  }
  if (v.missing.includes('voice-history')) {
    // Without the table every audio file is audio without metadata, and rows without audio vanish.
    for (const t of truth) Object.assign(t, { time: null, deviceSerial: null, transcript: null, hasMetadata: false })
    truth.splice(0, truth.length, ...truth.filter((t) => t.audioPath !== null))
  } else {
    alexa.unshift({ path: `${alexaRoot}${alias(aliases.voiceHistoryFiles, v.fileAlias)}`, content: toCsv(rows, v.csv) })
  }
  const debris = v.macDebris ? macDebris(alexa.filter((a) => /\.(wav|mp3)$/.test(a.path)).slice(0, 3)) : []
  const nodes: GenNode[] = [...amazonAccountFiles(plan, v.missing, v.csv), ...(v.nestedAlexa ? [{ path: 'Alexa.zip', zip: alexa }] : alexa), ...debris]
  return { nodes, truth }
}
