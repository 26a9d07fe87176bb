import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { killLoop } from './testing/kill-loop'

// `npm run bench:durability` does the same 200 times; 20 keep `npm test` quick.
it('a process killed at random moments while saving its case leaves a valid case file every time, with every acknowledged save', async () => {
  const home = await mkdtemp(join(tmpdir(), 'exportscope-durability-'))
  try {
    const report = await killLoop({ home, kills: 20, maxDelayMs: 150 })
    expect(report.results.filter((r) => !r.valid)).toEqual([])
    expect(report.valid).toBe(20)
    expect(report.lostAcknowledged).toBe(0)
    // The kills really fell among saves: the file grew across the run.
    expect(report.saves).toBeGreaterThan(20)
  } finally {
    await rm(home, { recursive: true, force: true })
  }
}, 120_000)
