import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createServices } from '../src/core/services'
import { callNames, contract } from '../src/shared/ipc/contract'
import { dispatch, type Handlers } from '../src/shared/ipc/dispatch'
import { errorCodes } from '../src/shared/ipc/result'

/**
 * Random payloads at every call: the answer is always a Result, errors always carry a known code
 * and a sentence, and a handler never sees a payload its schema would refuse.
 */
describe('every contract call under random payloads', () => {
  const services = createServices({ shell: 'cli', home: '/nonexistent/exportscope-home', emit: () => undefined, chooseArchive: async () => null })
  const reached: Array<{ name: string; payload: unknown }> = []
  // Calls that would touch the file system get a spy; the rest run for real against an empty session.
  const spy = (name: keyof Handlers) => async (payload: unknown) => {
    reached.push({ name, payload })
    throw new Error('spy: not opened in this test')
  }
  const handlers: Handlers = { ...services.handlers, openArchive: spy('openArchive'), openSample: spy('openSample') } as Handlers

  it.each(callNames)('%s answers only with typed results', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.object(), fc.dictionary(fc.constantFrom('path', 'jobId', 'archiveId', 'offset', 'limit', 'kind', 'mapping'), fc.anything())), async (payload) => {
        const before = reached.length
        const result = await dispatch(handlers, name, payload)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) {
          expect(errorCodes).toContain(result.error.code)
          expect(result.error.message.length).toBeGreaterThan(0)
        }
        for (const call of reached.slice(before)) expect(contract[name].request.safeParse(call.payload).success).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it('unknown names of any shape are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything().filter((n) => !(callNames as unknown[]).includes(n)), fc.anything(), async (name, payload) => {
        const result = await dispatch(handlers, name, payload)
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
      }),
      { numRuns: 200 }
    )
  })
})
