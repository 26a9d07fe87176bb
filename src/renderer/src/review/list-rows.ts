import type { Range } from '@tanstack/react-virtual'

export const OVERSCAN = 4

/** The rows a range had in view: the first and the last. */
export type InView = Pick<Range, 'startIndex' | 'endIndex'>

/**
 * The rows to render: those in view, OVERSCAN more in the direction the list moves and one behind
 * (OVERSCAN both ways at rest). Every row more is DOM to build when the list jumps a screen a frame,
 * so when the view leapt past every row it showed before (`before`: a fling, a drag of the scroll
 * bar, End), the rows ahead would be passed over as well: one row more each way, as behind.
 */
export function rowsToRender(range: Pick<Range, 'startIndex' | 'endIndex' | 'count'>, direction: 'forward' | 'backward' | null, before: InView | null = null): number[] {
  const leapt = before !== null && (range.startIndex > before.endIndex || range.endIndex < before.startIndex)
  const start = Math.max(0, range.startIndex - (leapt || direction === 'forward' ? 1 : OVERSCAN))
  const end = Math.min(range.count - 1, range.endIndex + (leapt || direction === 'backward' ? 1 : OVERSCAN))
  const out: number[] = []
  for (let i = start; i <= end; i++) out.push(i)
  return out
}
