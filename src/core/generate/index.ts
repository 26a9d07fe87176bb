import { writeFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { amazon2018 } from './amazon-2018'
import { AMAZON_DEFAULTS, amazonCurrent, type AmazonVariations } from './amazon-current'
import { QUIET_DEVICE_SERIAL } from './amazon-files'
import { DEFAULT_CLIPS, type ClipOptions } from './clips'
import { GOOGLE_DEFAULTS, googleTakeout, takeoutPartName, type GoogleVariations } from './google-takeout'
import { makePlan, type PlantedKind } from './plan'
import { createRandom } from './random'
import type { GenTree } from './tree'
import { countTruth, type Truth, type TruthDevice, type TruthRecording } from './truth'
import { writeZipParts } from './write-zip'

export interface ExportOptions {
  provider: 'amazon' | 'google'
  own: number
  foreign: number
  kind: PlantedKind
  seed?: string | number
  /** Amazon only: today's layout or the 2018 answer. */
  layout?: 'current' | '2018'
  amazon?: Partial<AmazonVariations>
  google?: Partial<GoogleVariations>
  clips?: Partial<ClipOptions>
  /** Every n-th of the owner's recordings said by a household member's voice (voices tests). */
  householdEvery?: number
  /** The stranger's transcripts full of personal data (see personal-data.ts): for reading a bundle's redaction. */
  personalData?: boolean
}

export interface BuiltExport {
  tree: GenTree
  truth: Truth
}

// Every entry carries this time, so a seed always gives the same bytes.
const MTIME = new Date(Date.UTC(2024, 2, 1, 10, 10, 10))

/** An export in memory, as nodes and truth: what `generateExport` writes, and what tests read directly. */
export async function buildExport(o: ExportOptions): Promise<BuiltExport> {
  const seed = String(o.seed ?? 1)
  const rng = createRandom(`${seed}:${o.provider}:${o.kind}`)
  const layout = o.provider === 'google' ? 'takeout' : (o.layout ?? (o.kind === 'seed' ? '2018' : 'current'))
  const start = layout === '2018' ? Date.UTC(2018, 4, 2, 6, 0, 0) : Date.UTC(2023, 1, 1, 6, 0, 0)
  const plan = makePlan(rng, { provider: o.provider, own: o.own, foreign: o.foreign, kind: o.kind, start, householdEvery: o.householdEvery, personalData: o.personalData })
  const clips = { ...DEFAULT_CLIPS, ...o.clips }
  let parts: GenTree['parts']
  let recordings: TruthRecording[]
  let variations: Record<string, unknown>
  const devices: TruthDevice[] = plan.devices.map((d) => ({ serial: d.serial, name: d.name, registered: d.registered, foreign: d.foreign, recordings: 0 }))
  if (o.provider === 'amazon') {
    const v = { ...AMAZON_DEFAULTS, ...o.amazon }
    const made = layout === '2018' ? await amazon2018(plan, rng, v, clips, MTIME) : await amazonCurrent(plan, rng, v, clips)
    parts = [{ name: 'export.zip', nodes: made.nodes }]
    recordings = made.truth
    variations = { ...v, layout }
    if (!v.missing.includes('registration') && (plan.devices.some((d) => d.registered) || !plan.reasons.includes('seed'))) {
      devices.push({ serial: QUIET_DEVICE_SERIAL, name: '', registered: true, foreign: false, recordings: 0 })
    }
  } else {
    const v = { ...GOOGLE_DEFAULTS, ...o.google }
    const made = await googleTakeout(plan, rng, v, clips)
    parts = made.parts.map((nodes, i) => ({ name: takeoutPartName(i), nodes }))
    recordings = made.truth
    variations = v
  }
  for (const r of recordings) {
    const d = devices.find((x) => x.serial === r.deviceSerial)
    if (d) d.recordings++
  }
  const truth = countTruth({
    schema: 'exportscope.truth/1',
    provider: o.provider,
    layout,
    kind: o.kind,
    seed,
    owner: { name: `${plan.owner.firstName} ${plan.owner.lastName}`, customerId: o.provider === 'amazon' ? plan.owner.customerId : null, email: o.provider === 'google' ? plan.owner.email : null },
    devices: devices.filter((d) => d.registered || d.recordings > 0),
    recordings,
    variations
  })
  return { tree: { parts, mtime: MTIME }, truth }
}

export interface GeneratedExport {
  /** The ZIP files written; the first is what a person opens. */
  paths: string[]
  truthPath: string
  truth: Truth
}

/**
 * Writes an export to `out` (a .zip path; a multipart Takeout names its parts after it, -001, -002, …)
 * and its truth to `<out>.truth.json`.
 */
export async function generateExport(o: ExportOptions, out: string): Promise<GeneratedExport> {
  const { tree, truth } = await buildExport(o)
  const base = basename(out).replace(/\.zip$/i, '')
  const stem = base.replace(/-\d{3}$/, '')
  tree.parts = tree.parts.map((p, i) => ({ ...p, name: tree.parts.length === 1 ? `${base}.zip` : `${stem}-${String(i + 1).padStart(3, '0')}.zip` }))
  if (tree.parts.length > 1) {
    const names = new Map(tree.parts.map((p, i) => [takeoutPartName(i), p.name]))
    for (const r of truth.recordings) if (r.part) r.part = names.get(r.part) ?? r.part
  }
  const paths = await writeZipParts(tree, dirname(out))
  const truthPath = `${out}.truth.json`
  await writeFile(truthPath, `${JSON.stringify(truth, null, 2)}\n`)
  return { paths, truthPath, truth }
}

/**
 * The app's built-in sample: a small Amazon export (a few hundred KB) with the owner's recordings
 * from registered devices and a planted foreign device, the 2018 case in miniature. Its README.txt
 * says it is synthetic.
 */
export const SAMPLE_OPTIONS: ExportOptions = { provider: 'amazon', own: 8, foreign: 5, kind: 'unregistered-device', seed: 'sample', layout: 'current', clips: { sampleRate: 8000, maxSeconds: 3 } }

/** Writes the sample to `target` (a .zip path), its truth file beside it; the same bytes for every run. */
export async function createSampleExport(target: string): Promise<GeneratedExport> {
  return generateExport(SAMPLE_OPTIONS, target)
}

export { PLANTED_KINDS, KINDS_BY_PROVIDER, type PlantedKind } from './plan'
export { PLANTED, PLANTED_VALUES } from './personal-data'
export type { Truth, TruthRecording, TruthDevice } from './truth'
export type { AmazonVariations } from './amazon-current'
export type { GoogleVariations } from './google-takeout'
export type { ClipOptions } from './clips'
export type { GenTree, GenNode } from './tree'
