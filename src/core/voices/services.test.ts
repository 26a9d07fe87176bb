import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../shared/ipc/dispatch'
import type { EventName } from '../../shared/ipc/events'
import type { VoicesState } from '../../shared/model/voices'
import { generateExport } from '../generate'
import { createServices } from '../services'

const dir = mkdtempSync(join(tmpdir(), 'exportscope-voices-services-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ok = <T>(r: { ok: boolean; value?: T; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error!.message)
  return r.value as T
}

describe('voices in the app services', () => {
  it('works the voices out on request, marks a whole voice in one undo step, and the retention delete removes the vectors', async () => {
    const home = join(dir, 'home')
    const path = join(dir, 'three.zip')
    await generateExport({ provider: 'amazon', own: 36, foreign: 14, kind: 'unregistered-device', seed: 'e2e-voices', householdEvery: 3, clips: { maxSeconds: 2.5 } }, path)
    const events: { name: EventName; payload: { archiveId?: string; status?: string; findings?: { rule: string }[] } }[] = []
    let heard: () => void = () => undefined
    const services = createServices({
      shell: 'cli',
      home,
      emit: (name: EventName, payload: unknown) => {
        events.push({ name, payload: payload as (typeof events)[number]['payload'] })
        heard()
      },
      chooseArchive: async () => null
    })
    /** Waits (without asking the engine again) for an event that matches. */
    const eventually = (match: (e: (typeof events)[number]) => boolean, from = 0) =>
      new Promise<(typeof events)[number]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such event among ${events.map((e) => e.name).join(', ')}`)), 60_000)
        heard = () => {
          const hit = events.slice(from).find(match)
          if (hit) {
            clearTimeout(timer)
            resolve(hit)
          }
        }
        heard()
      })
    try {
      const h = services.handlers
      const { archiveId } = ok(await dispatch(h, 'openArchive', { token: services.grantPath(path, 'dialog'), jobId: 'j' })) as { archiveId: string }
      expect((ok(await dispatch(h, 'voices', { archiveId })) as VoicesState).status).toBe('working')
      // The engine tells when the voices are known, and then sends the verdicts the voice rules add to: nobody polls.
      const ready = await eventually((e) => e.name === 'voices.changed' && e.payload.archiveId === archiveId && e.payload.status !== 'working')
      expect(ready.payload.status).toBe('ready')
      const judged = await eventually((e) => e.name === 'review.verdicts' && e.payload.archiveId === archiveId, events.indexOf(ready))
      expect(judged.payload.findings!.some((f) => f.rule === 'voice-unregistered-only')).toBe(true)
      const state = ok(await dispatch(h, 'voices', { archiveId })) as VoicesState
      expect(state.error).toBeNull()
      expect(state.status).toBe('ready')
      expect(state.voices).toHaveLength(3)
      const household = state.voices[2]!
      const before = ok(await dispatch(h, 'reviewState', { archiveId })) as { findings: { rule: string }[] }
      expect(before.findings.some((f) => f.rule === 'voice-not-known')).toBe(false)

      const beforeMark = events.length
      const change = ok(await dispatch(h, 'markVoice', { archiveId, voiceId: household.id, mark: 'not-known' })) as { recordings: Record<string, { mark: string; note: string } | null>; canUndo: boolean; verdictsChanged: boolean }
      expect(events.slice(beforeMark).some((e) => e.name === 'voices.changed' && e.payload.status === 'ready')).toBe(true)
      expect(Object.keys(change.recordings)).toHaveLength(household.recordings)
      expect(Object.values(change.recordings).every((e) => e?.mark === 'not-mine' && e.note === 'By voice: not someone I know.')).toBe(true)
      expect(change.verdictsChanged).toBe(true)
      const after = ok(await dispatch(h, 'voices', { archiveId })) as VoicesState
      expect(after.voices[2]!.mark).toBe('not-known')
      const review = ok(await dispatch(h, 'reviewState', { archiveId })) as { findings: { rule: string; recordingIds: string[] }[] }
      expect(review.findings.find((f) => f.rule === 'voice-not-known')!.recordingIds).toHaveLength(household.recordings)

      // A recording's own mark wins: marking the voice "this is me" leaves a recording marked by hand.
      const own = Object.keys(change.recordings)[0]!
      ok(await dispatch(h, 'mark', { archiveId, recordingIds: [own], mark: 'unsure' }))
      const me = ok(await dispatch(h, 'markVoice', { archiveId, voiceId: household.id, mark: 'me' })) as { recordings: Record<string, unknown> }
      expect(me.recordings).not.toHaveProperty(own)
      expect(Object.keys(me.recordings)).toHaveLength(household.recordings - 1)

      // One undo takes back the whole voice mark.
      ok(await dispatch(h, 'undo', { archiveId }))
      expect((ok(await dispatch(h, 'voices', { archiveId })) as VoicesState).voices[2]!.mark).toBe('not-known')

      const vectors = join(home, 'cache', 'voices')
      expect(readdirSync(vectors).length).toBe(50)
      ok(await dispatch(h, 'deleteArchive', { archiveId, confirmName: 'three.zip' }))
      expect(existsSync(path)).toBe(false)
      expect(readdirSync(vectors).length).toBe(0)
    } finally {
      await services.dispose()
    }
  }, 120_000)
})
