import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bavarianFacts } from '../../../test/fixtures/complaint-facts'
import { workDir } from '../../../test/fixtures/archives'
import type { EventName, EventPayload } from '../../shared/ipc/events'
import { generateExport } from '../generate'
import { createServices, type Services } from '../services'
import { voiceCacheDir } from '../voices/cache'

/**
 * The voices, end to end through the services, as far as the complaint goes: a voice group is cited
 * in the letters only once the person marked it "not someone I know", and the voice vectors never
 * go into the evidence bundle.
 */
let work: Awaited<ReturnType<typeof workDir>>
let path: string
// Letters to a Bavarian authority go in German whatever the person's language: each in its own words.
const BY_SOUND = /by its sound|nach ihrem Klang|d'après son timbre/

beforeAll(async () => {
  work = await workDir()
  path = work.path('three-voices.zip')
  // The owner, someone in the household (every third of the owner's recordings), a stranger on an unregistered Echo.
  await generateExport({ provider: 'amazon', own: 36, foreign: 14, kind: 'unregistered-device', seed: 'e2e-voices', householdEvery: 3, clips: { maxSeconds: 2.5 } }, path)
}, 60_000)
afterAll(async () => {
  await work.done()
})

describe('voices in the letters and the bundle', () => {
  it('cites the household voice only after it is marked "not someone I know"; no voice vector enters the bundle', async () => {
    const home = work.path('home')
    const saveAnswers: string[] = []
    let ready: () => void = () => undefined
    const voicesReady = new Promise<void>((resolve) => (ready = resolve))
    const services: Services = createServices({
      shell: 'cli',
      home,
      emit: <E extends EventName>(name: E, payload: EventPayload<E>) => {
        if (name === 'voices.changed' && (payload as EventPayload<'voices.changed'>).status === 'ready') ready()
      },
      chooseArchive: async () => null,
      chooseSavePath: async () => saveAnswers.shift() ?? null
    })
    try {
      const h = services.handlers
      const { archiveId } = await h.openArchive({ token: services.grantPath(path, 'dialog'), jobId: 'open' })
      await h.voices({ archiveId })
      await voicesReady
      const { voices } = await h.voices({ archiveId })
      expect(voices).toHaveLength(3)
      const household = voices[2]!
      const facts = bavarianFacts({ lang: 'en' })
      const letters = async () => (await h.complaintPreview({ archiveId, facts, lang: 'en' })).letters.filter((l) => !l.courtesy && l.kind !== 'victim-request')

      // Grouped, and a voice rule flags the stranger's voice, but nothing is marked: no letter speaks of voices.
      const before = await letters()
      expect(before.length).toBeGreaterThan(0)
      for (const l of before) expect(l.text, l.kind).not.toMatch(BY_SOUND)

      await h.markVoice({ archiveId, voiceId: household.id, mark: 'not-known' })
      const after = await letters()
      const n = household.recordings
      const sentence = {
        en: new RegExp(`${n} of these recordings share one voice, by its sound, that I do not know; I listened to them and confirmed this myself\\. The voice was heard on “`),
        de: new RegExp(`In ${n} dieser Aufnahmen spricht dieselbe Stimme, nach ihrem Klang, die ich nicht kenne; ich habe sie angehört und das selbst bestätigt\\. Die Stimme ist auf „`),
        fr: new RegExp(`${n} de ces enregistrements partagent une même voix, d'après son timbre`)
      }
      expect(after.map((l) => l.lang)).toContain('en')
      for (const l of after) expect(l.text, `${l.kind} ${l.lang}`).toMatch(sentence[l.lang])

      // One undo, and the letters say nothing of voices again.
      await h.undo({ archiveId })
      for (const l of await letters()) expect(l.text, l.kind).not.toMatch(BY_SOUND)
      await h.markVoice({ archiveId, voiceId: household.id, mark: 'not-known' })

      // The bundle, with the sealed originals: none of the vectors' bytes, no vector file, no vector field.
      const out = work.path('evidence.zip')
      saveAnswers.push(out)
      const saved = await h.saveBundle({ archiveId, facts, lang: 'en', jobId: 'bundle', sealedOriginals: true })
      expect(saved.path).toBe(out)
      const zip = await JSZip.loadAsync(await readFile(out))
      const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)
      expect(names.some((n) => n.startsWith('sealed/'))).toBe(true)
      expect(names.filter((n) => /voice/i.test(n) && !/VoiceHistory/.test(n))).toEqual([])
      const dir = voiceCacheDir(home)
      const vectors = (await readdir(dir)).filter((f) => f.endsWith('.voice'))
      expect(vectors.length).toBe(50)
      // 32 bytes of each vector (past its 8-byte header): a match by chance in 50 files is out of the question.
      const pieces = await Promise.all(vectors.map(async (f) => (await readFile(join(dir, f))).subarray(8, 40)))
      const usable = pieces.filter((p) => p.length === 32 && p.some((b) => b !== 0))
      expect(usable.length).toBeGreaterThan(30)
      for (const name of names) {
        const bytes = Buffer.from(await zip.file(name)!.async('uint8array'))
        for (const p of usable) expect(bytes.includes(p), name).toBe(false)
        if (/\.(json|csv|txt|md)$/i.test(name)) expect(bytes.toString('utf8'), name).not.toMatch(/"?(voiceVector|vector|embedding|mfcc)"?\s*[:=,]/i)
      }
    } finally {
      await services.dispose()
    }
  }, 180_000)
})
