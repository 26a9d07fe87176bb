import type { StoreApi } from 'zustand'

/** A slice's own `set`: merges into its key only (a function gets the slice's state). */
export type SliceSet<T> = (patch: Partial<T> | ((state: T) => Partial<T>)) => void

/**
 * What a slice sees of the whole store: only the parts it names in R (the epoch, the one reset,
 * another slice's action). So a slice depends on what it uses, never on the composition in index.ts.
 */
export interface Root<R> {
  getState(): R
  setState(partial: Partial<R>): void
}

/** A slice creator in zustand's slice pattern, scoped: its own state, and the root's parts it names. */
export type SliceCreator<T, R = object> = (set: SliceSet<T>, get: () => T, root: Root<R>) => T

/** Builds slice `key` with a set and get bound to it; called once per slice at the composition root. */
export function slice<S, K extends keyof S>(key: K, create: (set: SliceSet<S[K]>, get: () => S[K], root: Root<S>) => S[K], api: StoreApi<S>): S[K] {
  const set: SliceSet<S[K]> = (patch) =>
    api.setState((s) => ({ [key]: { ...s[key], ...(typeof patch === 'function' ? patch(s[key]) : patch) } }) as unknown as Partial<S>)
  return create(set, () => api.getState()[key], api)
}
