import { describe, expect, it } from 'vitest'
import { formatReport, runFuzz } from '../../fuzz/engine'

/**
 * The fuzz campaign in `npm test`: FUZZ_RUNS inputs (1,000 unless told) spread over every reader of
 * an export. `npm run fuzz -- --runs N` runs any number and prints the same table.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1000)

describe('fuzzing every reader of an export', () => {
  it(`${runs} damaged and generated inputs end in a result or a typed problem, each within 2 s, with flat memory`, async () => {
    const report = await runFuzz({ runs })
    console.log(formatReport(report))
    expect(report.runs).toBe(runs)
    expect(report.targets.map((t) => t.name)).toEqual(expect.arrayContaining(['zip', 'tar', 'tar.gz', 'tar.gz-past-copy', 'csv', 'json', 'html', 'audio', 'pdf']))
    expect(report.failures, formatReport(report)).toEqual([])
    // Heap growth after the first tenth, every reader and pdf.js loaded, each reading collected: what is left is a leak.
    // (RSS is reported, not judged: pdf.js's buffers and the allocator keep pages the heap has let go.)
    expect(report.heap.end - report.heap.afterWarmup).toBeLessThan(40 * 1024 * 1024)
  }, 600_000)
})
