import type { z } from 'zod'
import { callNames, contract, type CallName, type CallRequest, type CallResponse } from './contract'
import { CallError, fail, ok, type Result } from './result'

export type Handlers = { [K in CallName]: (request: z.output<(typeof contract)[K]['request']>) => Promise<CallResponse<K>> }

const isCallName = (name: unknown): name is CallName => typeof name === 'string' && (callNames as string[]).includes(name)

/**
 * The single path every call takes, in Electron main and in the e2e harness alike: reject unknown
 * names, parse the payload with the contract's schema, run the handler, and turn any throw into a
 * typed error. Nothing escapes as an exception.
 */
export async function dispatch(handlers: Handlers, name: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    // Never String() an unknown value: an object with a broken toString would throw here.
    const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `of type ${name === null ? 'null' : typeof name}`
    return fail('unknown-call', `There is no call named ${shown}.`)
  }
  const parsed = contract[name].request.safeParse(payload ?? {})
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`)
    return fail('invalid-payload', `The payload of ${name} is not valid: ${details.join('; ')}`, details)
  }
  try {
    const handler = handlers[name] as (req: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (err) {
    if (err instanceof CallError) return fail(err.code, err.message)
    const message = err instanceof Error ? err.message : String(err)
    return fail('internal', `${name} failed: ${message}`)
  }
}

export type { CallRequest, CallResponse }
