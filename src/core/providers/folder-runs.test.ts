// Amazon's files and Google's Takeout roots are found per run of one folder (view.folders), not
// per entry. These pin that, on any mix of names (odd ones included: root files, a leading '/', a
// name ending in a backslash, case, repeated and nested 'takeout' segments, folders met again
// later), they find exactly what the long way finds: every entry judged on its own whole path.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeHeader } from './csv/columns'
import aliases from './amazon-alexa/aliases.json'
import { locateAmazonFiles } from './amazon-alexa/files'
import { createExportView, type ExportView, type ViewEntry } from './export-view'
import { locateTakeoutRoots } from './google-assistant/takeout'
import { memoryArchive } from './testing/memory-archive'

const FOLDERS = ['Alexa', 'Audio', 'alexa-stuff', 'Recordings', 'Retail.OrderHistory.1', 'x', 'Takeout', 'takeout', 'mytakeout', 'My Activity', 'Assistant', 'Voice and Audio', 'Profile', 'Profil', 'Kindle.Devices', '', 'a\\b']
const BASES = ['1.wav', '2.WAV', 'c.mp3', 'Alexa.VoiceHistory.csv', 'alexa-notes.csv', 'voice.csv', 'Devices.Registration.csv', 'Digital.CustomerAttributes.1.csv', 'transcript.pdf', 'MyActivity.json', 'MyActivity.html', 'index.html', 'p.json', 'takeout', 'Takeout', 'retail.x', 'd\\', 'alexa-clip.wav\\', 'Retail.Y.wav\\', 'notes.txt']

const pathArb = fc.tuple(fc.array(fc.constantFrom(...FOLDERS), { maxLength: 4 }), fc.constantFrom(...BASES), fc.boolean()).map(([folders, base, lead]) => `${lead ? '/' : ''}${[...folders, base].join('/')}`)
// Runs of one folder, as exports keep them: each drawn path is repeated with other base names.
const exportArb = fc.array(fc.tuple(pathArb, fc.array(fc.constantFrom(...BASES), { maxLength: 3 })), { minLength: 1, maxLength: 30 }).map((runs) => runs.flatMap(([path, bases]) => [path, ...bases.map((b) => path.replace(/[^/]*$/, b))]))

const viewOf = async (paths: string[]): Promise<ExportView> => createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, [...new Set(paths)].map((path) => ({ path, content: 'x' }))))
const paths = (list: readonly ViewEntry[]) => list.map((e) => e.path)

const AUDIO_FOLDERS = new Set(aliases.audioFolders.map((n) => n.toLowerCase()))
const VOICE_FILES = new Set(aliases.voiceHistoryFiles.map((n) => n.toLowerCase()))
const CATEGORY = /(?:^|\/)(?:retail|digital|devices|audible|kindle|alexa|amazon|appstore|primevideo)\.[a-z]/

/** Amazon's files, each entry judged on its whole path and segments. */
function amazonTheLongWay(view: ExportView) {
  const out = { voiceHistory: [] as string[], maybeVoiceHistory: [] as string[], registration: [] as string[], customerAttributes: [] as string[], transcriptPdfs: [] as string[], audio: [] as string[], categoryFiles: 0 }
  const wavs: string[] = []
  for (const e of view.entries) {
    if (CATEGORY.test(e.norm)) out.categoryFiles++
    const alexa = e.segments.slice(0, -1).some((s) => s.startsWith('alexa') || AUDIO_FOLDERS.has(s))
    if (e.ext === 'csv') {
      const base = normalizeHeader(e.base)
      if (VOICE_FILES.has(base)) out.voiceHistory.push(e.path)
      else if (base === 'registration.csv' || /^devices\.registration(\.\d+)?\.csv$/.test(base)) out.registration.push(e.path)
      else if (/^digital\.customerattributes(\.\d+)?\.csv$/.test(base)) out.customerAttributes.push(e.path)
      else if (/voice|utterance|recording|sprach/.test(base) || (alexa && base.startsWith('alexa'))) out.maybeVoiceHistory.push(e.path)
    } else if (e.ext === 'pdf' && /transcript|transkript/.test(e.base) && !/description/.test(e.base)) out.transcriptPdfs.push(e.path)
    else if (e.audio) {
      if (alexa) out.audio.push(e.path)
      else if (e.ext === 'wav') wavs.push(e.path)
    }
  }
  if (out.voiceHistory.length === 0 && out.maybeVoiceHistory.length === 0) out.audio.push(...wavs)
  return out
}

/** Takeout roots (before the JSON/HTML twins are weeded and the roots sorted), each entry split into its segments. */
function takeoutTheLongWay(view: ExportView) {
  const roots = new Map<string, { activity: string[]; audio: string[]; indexPages: string[]; profiles: string[] }>()
  for (const e of view.entries) {
    const segments = e.segments
    const at = segments.indexOf('takeout')
    if (at < 0) continue
    const key = segments.slice(0, at + 1).join('/')
    const root = roots.get(key) ?? { activity: [], audio: [], indexPages: [], profiles: [] }
    roots.set(key, root)
    const inside = segments.slice(at + 1)
    const folder = inside[inside.length - 2] ?? ''
    if (inside.length === 1 && e.ext === 'html') root.indexPages.push(e.path)
    else if (/^(profile|profil)$/.test(folder) && e.ext === 'json') root.profiles.push(e.path)
    else if (inside.length >= 3 && /^(assistant|google assistant|voice and audio|voice & audio|sprach- und audioaktivitäten|sprach- & audioaktivitäten|audio)$/.test(folder)) {
      if (e.ext === 'json' || e.ext === 'html') root.activity.push(e.path)
      else if (e.audio) root.audio.push(e.path)
    }
  }
  return roots
}

describe('finding files per folder run', () => {
  it('Amazon finds the same files, in the same order, as judging every entry on its whole path', async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async (list) => {
        const view = await viewOf(list)
        const files = locateAmazonFiles(view)
        const { categoryFiles, ...lists } = files
        expect({ ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, paths(v)])), categoryFiles }).toEqual(amazonTheLongWay(view))
      }),
      { numRuns: 150 }
    )
  })

  it('Google finds the same Takeout roots and files as splitting every entry into its segments', async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async (list) => {
        const view = await viewOf(list)
        const want = takeoutTheLongWay(view)
        const got = locateTakeoutRoots(view)
        expect(got.map((r) => r.key).sort()).toEqual([...want.keys()].sort())
        for (const r of got) {
          const w = want.get(r.key)!
          expect([paths(r.audio), paths(r.indexPages), paths(r.profiles)]).toEqual([w.audio, w.indexPages, w.profiles])
          // Activity files are weeded afterwards (an HTML twin beside a JSON goes): a subset, in order.
          expect(paths(r.activity).every((p) => w.activity.includes(p))).toBe(true)
          expect(paths(r.activity).filter((p) => p.toLowerCase().endsWith('.json'))).toEqual(w.activity.filter((p) => p.toLowerCase().endsWith('.json')))
        }
      }),
      { numRuns: 150 }
    )
  })
})
