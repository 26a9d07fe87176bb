import type { Range } from '@tanstack/react-virtual'

export const OVERSCAN = 4
/**
 * The rows to render: those in view, OVERSCAN more in the direction the list moves and one behind
 * (OVERSCAN both ways at rest). Every row more is DOM to build when the list jumps a screen a frame.
 */
export function rowsToRender(range: Pick<Range, 'startIndex' | 'endIndex' | 'count'>, direction: 'forward' | 'backward' | null): number[] {
  const start = Math.max(0, range.startIndex - (direction === 'forward' ? 1 : OVERSCAN))
  const end = Math.min(range.count - 1, range.endIndex + (direction === 'backward' ? 1 : OVERSCAN))
  const out: number[] = []
  for (let i = start; i <= end; i++) out.push(i)
  return out
}
