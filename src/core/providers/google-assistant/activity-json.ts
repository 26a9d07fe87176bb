import type { Readable } from 'node:stream'
import { fun, getManyValues, isMany, none } from 'stream-chain/core'
import parser from 'stream-json/core/parser.js'
import streamArray from 'stream-json/core/streamers/stream-array.js'

export type JsonEvent = { type: 'item'; index: number; value: unknown } | { type: 'error'; line: number | null; message: string }

type ArrayParser = (chunk: string | typeof none) => Array<{ value: unknown }>

/**
 * stream-json's parser and array streamer composed with stream-chain's sync-first `fun`: each
 * chunk is parsed in one synchronous call with no promise per value (measured here on 260 MB:
 * 1.8 s and 75 MB peak RSS, against 1.9–2.0 s and 92 MB for its async-generator pipeline).
 */
function arrayParser(): ArrayParser {
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
  const parse = arrayParser()
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
 * A syntax error ends the file with one 'error' naming its line; the items before it are kept.
 */
export async function* readJsonArray(input: Readable, reopen: () => Promise<Readable>, signal?: AbortSignal): AsyncGenerator<JsonEvent> {
  const parse = arrayParser()
  let index = 0
  try {
    input.setEncoding('utf8')
    for await (const piece of input as AsyncIterable<string>) {
      signal?.throwIfAborted()
      for (const { value } of parse(piece)) yield { type: 'item', index: index++, value }
    }
    for (const { value } of parse(none)) yield { type: 'item', index: index++, value }
    return
  } catch (err) {
    if (signal?.aborted) throw err
  } finally {
    input.destroy()
  }
  yield* replay(reopen, index, signal)
}
