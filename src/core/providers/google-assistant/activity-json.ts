import type { Readable } from 'node:stream'
import type { none } from 'stream-chain/core'
import { JsonItemSplitter, type SplitEvent } from './json-items'

export type JsonEvent =
  | { type: 'item'; index: number; value: unknown }
  /** An item past the splitter's bound: skipped, named by its index and the byte it starts at. */
  | { type: 'too-large'; index: number; byteOffset: number; chars: number }
  | { type: 'error'; line: number | null; message: string }

type ArrayParser = (chunk: string | symbol) => Array<{ value: unknown }>

// Loaded when an export has a MyActivity.json: a scan of anything else does not pay for the modules.
let loading: Promise<{ make: () => ArrayParser; none: typeof none }> | null = null
const loadParser = () =>
  (loading ??= Promise.all([import('stream-chain/core'), import('stream-json/core/parser.js'), import('stream-json/core/streamers/stream-array.js')]).then(([chain, parser, streamArray]) => ({
    make: () => arrayParser(chain, parser.default, streamArray.default),
    none: chain.none
  })))

/**
 * The strict pass, for files the fast splitter (json-items.ts) gives up on: stream-json's parser
 * and array streamer composed with stream-chain's sync-first `fun`, each chunk parsed in one
 * synchronous call with no promise per value. It knows the line of a syntax error.
 */
function arrayParser(
  chain: typeof import('stream-chain/core'),
  parser: typeof import('stream-json/core/parser.js').default,
  streamArray: typeof import('stream-json/core/streamers/stream-array.js').default
): ArrayParser {
  const { fun, getManyValues, isMany, none } = chain
  const run = fun(parser({ streamValues: false, packKeys: true }), streamArray()) as unknown as (chunk: string | typeof none) => unknown
  return (chunk) => {
    const out = run(chunk)
    if (out instanceof Promise) throw new Error('the JSON pipeline went asynchronous')
    return (isMany(out) ? getManyValues(out) : out === none || out === undefined ? [] : [out]) as Array<{ value: unknown }>
  }
}

/** The text line by line (a line longer than `max` in several pieces), counting line breaks. */
async function* lines(input: Readable, max: number, onLine: () => void): AsyncGenerator<string> {
  input.setEncoding('utf8')
  let carry = ''
  for await (const text of input as AsyncIterable<string>) {
    const all = carry + text
    let start = 0
    for (;;) {
      const nl = all.indexOf('\n', start)
      if (nl < 0 && all.length - start <= max) break
      const end = nl >= 0 && nl - start < max ? nl + 1 : start + max
      yield all.slice(start, end)
      if (all[end - 1] === '\n') onLine()
      start = end
    }
    carry = all.slice(start)
  }
  if (carry) yield carry
}

/**
 * A parse error ends the fast pass somewhere inside one chunk of input. This second pass, run only
 * then, feeds the file line by line to a fresh parser: it recovers the items of that piece before the
 * error and names the line the error is on.
 */
async function* replay(reopen: () => Promise<Readable>, already: number, signal?: AbortSignal): AsyncGenerator<JsonEvent> {
  const { make, none } = await loadParser()
  const parse = make()
  let line = 1
  let index = 0
  const input = await reopen()
  try {
    for await (const piece of lines(input, 4096, () => line++)) {
      signal?.throwIfAborted()
      for (const { value } of parse(piece)) if (index++ >= already) yield { type: 'item', index: index - 1, value }
    }
    for (const { value } of parse(none)) if (index++ >= already) yield { type: 'item', index: index - 1, value }
  } catch (err) {
    if (signal?.aborted) throw err
    yield { type: 'error', line, message: `${err instanceof Error ? err.message : String(err)} (after ${index} items)` }
  } finally {
    input.destroy()
  }
}

/**
 * The items of a top-level JSON array, one at a time (a MyActivity.json reaches hundreds of MB).
 * The fast pass cuts the streamed text into items and hands each to JSON.parse; where it meets
 * anything it does not expect, the strict pass takes over from the same item on, and a syntax
 * error ends the file with one 'error' naming its line; the items before it are kept. An item past
 * the splitter's bound comes as 'too-large' (its index and byte offset) and costs only itself.
 */
export async function* readJsonArray(input: Readable, reopen: () => Promise<Readable>, signal?: AbortSignal, split = new JsonItemSplitter()): AsyncGenerator<JsonEvent> {
  const items: SplitEvent[] = []
  let index = 0
  try {
    input.setEncoding('utf8')
    for await (const piece of input as AsyncIterable<string>) {
      signal?.throwIfAborted()
      split.push(piece, items)
      for (const ev of items) yield ev.type === 'item' ? { type: 'item', index: index++, value: ev.value } : { type: 'too-large', index: index++, byteOffset: ev.byteOffset, chars: ev.chars }
      items.length = 0
      if (split.failed) break
    }
    split.end()
    if (!split.failed) return
  } catch (err) {
    if (signal?.aborted) throw err
  } finally {
    input.destroy()
  }
  yield* replay(reopen, index, signal)
}
