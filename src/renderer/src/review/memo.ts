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
