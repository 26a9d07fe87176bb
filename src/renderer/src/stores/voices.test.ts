import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { VoicesChanged, VoicesState } from '../../../shared/model/voices'

/**
 * The voices slice of the one store follows the engine's voices.changed events and never polls: a bridge stand-in
 * counts the `voices` calls, and fake timers show that nothing asks on its own.
 */
const calls: string[] = []
let answer: VoicesState
const listeners = new Map<string, (payload: unknown) => void>()
const working = (done: number): VoicesState => ({ status: 'working', done, total: 50, voices: [], voiceOf: {}, error: null })
const ready = (mark: 'not-known' | null = null): VoicesState => ({
  status: 'ready',
  done: 50,
  total: 50,
  voices: [{ id: 'v1', recordings: 2, deviceIds: [], firstSeen: null, lastSeen: null, samples: ['r1'], mark }],
  voiceOf: { r1: 'v1', r2: 'v1' },
  error: null
})

let store: typeof import('./index')
let voices: typeof import('./voices')
beforeAll(async () => {
  ;(globalThis as unknown as { window: unknown }).window = {
    exportscope: {
      voices: async ({ archiveId }: { archiveId: string }) => {
        calls.push(archiveId)
        return { ok: true, value: answer }
      },
      on: (name: string, fn: (payload: unknown) => void) => {
        listeners.set(name, fn)
        return () => listeners.delete(name)
      }
    },
    matchMedia: () => ({ matches: false })
  }
  // The one store's other slices read these as they are made.
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined })
  vi.stubGlobal('navigator', { language: 'en-GB' })
  vi.stubGlobal('document', { documentElement: { lang: 'en', dataset: {} } })
  vi.stubGlobal('MutationObserver', class { observe() {} })
  store = await import('./index')
  voices = await import('./voices')
})
afterEach(() => {
  vi.useRealTimers()
  store.useStore.setState((s) => ({ voices: { ...s.voices, ...voices.freshVoices() } }))
  calls.length = 0
})

const emit = (e: Partial<VoicesChanged>) => listeners.get('voices.changed')!({ archiveId: 'a1', status: 'working', done: 0, total: 50, error: null, ...e })
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('the voices slice', () => {
  it('asks once, patches progress from events without asking, and asks again only when the engine says the voices changed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'setTimeout'], shouldAdvanceTime: false })
    answer = working(0)
    await store.useStore.getState().voices.ask('a1')
    expect(calls).toEqual(['a1'])
    vi.advanceTimersByTime(60_000)
    expect(calls).toHaveLength(1)

    emit({ status: 'working', done: 20 })
    expect(store.useStore.getState().voices.state).toMatchObject({ status: 'working', done: 20 })
    expect(calls).toHaveLength(1)

    answer = ready()
    emit({ status: 'ready', done: 50 })
    vi.useRealTimers()
    await settle()
    expect(calls).toHaveLength(2)
    const first = store.useStore.getState().voices.state!
    expect(voices.selectReadyVoices(store.useStore.getState().voices)?.voices).toHaveLength(1)

    // A voice mark: the same groups with a mark; the recording → voice map is kept as it was.
    answer = ready('not-known')
    emit({ status: 'ready', done: 50 })
    await settle()
    expect(calls).toHaveLength(3)
    const marked = store.useStore.getState().voices.state!
    expect(marked.voices[0]!.mark).toBe('not-known')
    expect(marked.voiceOf).toBe(first.voiceOf)
  })

  it('ignores events of another export, and of one nobody asked about', async () => {
    emit({ status: 'ready' })
    await settle()
    expect(calls).toHaveLength(0)
    answer = working(0)
    await store.useStore.getState().voices.ask('a1')
    listeners.get('voices.changed')!({ archiveId: 'other', status: 'ready', done: 1, total: 1, error: null })
    await settle()
    expect(calls).toEqual(['a1'])
  })

  it('lets the voice filter go when the voices are worked out again or its group is gone, and keeps it while its group stays', async () => {
    answer = ready()
    await store.useStore.getState().voices.ask('a1')
    store.useStore.getState().filters.setVoice('v1')
    answer = ready('not-known')
    emit({ status: 'ready', done: 50 })
    await settle()
    expect(store.useStore.getState().filters.voice).toBe('v1')

    // A re-read: the engine starts the voices again, so "v1" names no group until they are known.
    answer = working(0)
    emit({ status: 'working', done: 0 })
    await settle()
    expect(voices.selectReadyVoices(store.useStore.getState().voices)).toBeNull()
    expect(store.useStore.getState().filters.voice).toBeNull()

    // A filter on a group the new clustering no longer has is let go too.
    answer = ready()
    emit({ status: 'ready', done: 50 })
    await settle()
    store.useStore.getState().filters.setVoice('v9')
    answer = ready('not-known')
    emit({ status: 'ready', done: 50 })
    await settle()
    expect(store.useStore.getState().filters.voice).toBeNull()
  })
})
