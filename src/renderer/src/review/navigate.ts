import { getCatalog, getOrdered } from './derived'
import { useStore } from '../stores'

export type Step = number | 'first' | 'last'

/**
 * Moves the shared selection through the list as it is filtered and sorted now. From nothing (or
 * from a recording the filter hides) a step forward starts at the top and a step back at the bottom.
 */
export function stepSelection(step: Step): void {
  const { order, pos } = getOrdered()
  if (order.length === 0) return
  const c = getCatalog()
  const id = useStore.getState().selection.selectedId
  const at = id === null ? -1 : (pos[c.byId.get(id) ?? -1] ?? -1)
  let next: number
  if (step === 'first') next = 0
  else if (step === 'last') next = order.length - 1
  else if (at < 0) next = step > 0 ? 0 : order.length - 1
  else next = Math.min(order.length - 1, Math.max(0, at + step))
  useStore.getState().selection.select(c.recordings[order[next]!]!.id)
}
