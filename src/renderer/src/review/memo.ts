/** Remembers the last result of `fn`, recomputing only when an argument changes identity. */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null
  let last: R
  return (...args: A): R => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return last
    last = fn(...args)
    lastArgs = args
    return last
  }
}

/**
 * `fn`, leaving a performance measure `exportscope:<name>` of each run (what the open → first
 * paint bench splits the renderer's part with); one entry per real recomputation, so it stays cheap.
 */
export function measured<A extends readonly unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  const label = `exportscope:${name}`
  return (...args: A): R => {
    const start = performance.now()
    try {
      return fn(...args)
    } finally {
      performance.measure(label, { start })
    }
  }
}
