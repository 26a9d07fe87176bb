/**
 * Runs `run(0)`, `run(1)` … `run(count - 1)` in index order, at most `lanes` at a time: for reads
 * that overlap well (archive entries, pdf.js pages, the decode pool) without holding them all at
 * once. A lane takes no new index once `stopped()` says so; a throw rejects the whole, as
 * Promise.all does.
 */
export async function inLanes(count: number, lanes: number, run: (i: number) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < count && !stopped()) await run(next++)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, count)) }, lane))
}
