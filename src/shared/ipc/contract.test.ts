import { describe, expect, it } from 'vitest'
import { callNames, contract } from './contract'
import { dispatch, type Handlers } from './dispatch'
import { eventNames } from './events'
import { CALL_NAMES, EVENT_NAMES } from './names'
import { CallError } from './result'

describe('the contract', () => {
  it('lists the same calls and events as the zod-free names the preload bundles', () => {
    expect([...CALL_NAMES].sort()).toEqual([...callNames].sort())
    expect([...EVENT_NAMES].sort()).toEqual([...eventNames].sort())
  })
  it('has a request and a response schema for every call', () => {
    for (const name of callNames) {
      expect(contract[name].request.safeParse).toBeTypeOf('function')
      expect(contract[name].response.safeParse).toBeTypeOf('function')
    }
  })
})

describe('dispatch', () => {
  const seen: unknown[] = []
  const handlers = {
    appInfo: async () => ({ name: 'x', version: '1', home: '/h', shell: 'cli', platform: 'linux', sampleAvailable: false }),
    chooseArchive: async (r: unknown) => (seen.push(r), { path: null }),
    openArchive: async () => {
      throw new CallError('cannot-open', 'nope.zip is not a ZIP or tar archive.')
    },
    cancelJob: async () => {
      throw new Error('disk on fire')
    },
    listEntries: async () => ({ total: 0, offset: 0, entries: [] }),
    closeArchive: async () => ({ closed: true })
  } as unknown as Handlers

  it('answers ok with the handler value', async () => {
    expect(await dispatch(handlers, 'appInfo', {})).toMatchObject({ ok: true, value: { name: 'x' } })
  })
  it('applies schema defaults before the handler sees the request', async () => {
    await dispatch(handlers, 'chooseArchive', {})
    expect(seen.at(-1)).toEqual({ kind: 'file' })
  })
  it('rejects unknown calls, including prototype names', async () => {
    // { toString: false } once made dispatch throw (found by test/contract.property.test.ts).
    for (const name of ['nope', 'constructor', '__proto__', 42, null, { toString: false }, Object.create(null)]) {
      expect(await dispatch(handlers, name, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
    }
  })
  it('names each wrong field of a bad payload', async () => {
    const r = await dispatch(handlers, 'listEntries', { archiveId: 'zz', offset: 1.5, limit: 0, extra: 1 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-payload')
    expect(r.error.details?.length).toBeGreaterThanOrEqual(3)
    expect(r.error.message).toMatch(/archiveId/)
  })
  it('turns a CallError into its code and any other throw into internal', async () => {
    expect(await dispatch(handlers, 'openArchive', { token: 'p0123456789abcdef01234567', jobId: 'j' })).toEqual({
      ok: false,
      error: { code: 'cannot-open', message: 'nope.zip is not a ZIP or tar archive.' }
    })
    expect(await dispatch(handlers, 'cancelJob', { jobId: 'j' })).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('disk on fire') } })
  })
})
