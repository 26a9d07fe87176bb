import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MarkValue } from '../../shared/model/review'
import { ArchiveOpenError } from '../archive'
import { generateExport, type GeneratedExport } from '../generate'
import { createJobs } from './jobs'
import { openSession } from './session'

let dir: string
let made: GeneratedExport
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exportscope-session-'))
  // A weak rule (another language) that needs the account's usual: marks can change its verdicts.
  made = await generateExport({ provider: 'amazon', own: 80, foreign: 40, kind: 'other-language', seed: 'session', amazon: { metadataOnly: true } }, join(dir, 'export.zip'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const flagged = (verdicts: Map<string, { verdict: string }>) => [...verdicts.values()].filter((v) => v.verdict !== 'own').length

describe('openSession: one pipeline from a path to verdicts', () => {
  it('opens, reads and analyses, in that order, with the hooks in between', async () => {
    const order: string[] = []
    const session = await openSession(made.paths[0]!, {
      onListed: (archive) => void order.push(`listed ${archive.entries.length > 0}`),
      onRead: async (s) => {
        order.push(`read ${s.reading.recordings.length}`)
        return [{ kind: 'case-file', path: null, message: 'A hook’s problem.' }]
      }
    })
    try {
      expect(order).toEqual(['listed true', `read ${made.truth.counts.recordings}`])
      expect(session.id).toMatch(/^a[0-9a-f]{16}$/)
      expect(session.reading.recordings).toHaveLength(made.truth.counts.recordings)
      // A third in English passes for the household's second language until the person says otherwise.
      expect(flagged(session.analysis.recordingVerdicts)).toBe(0)
      expect(session.problems.map((p) => p.message)).toEqual(['A hook’s problem.'])
      expect(session.timings.open).toBeGreaterThanOrEqual(0)
    } finally {
      await session.close()
    }
  })

  it('analyses while a hook\'s work alongside runs, and ends the opening only once that work is done, with its problems', async () => {
    const order: string[] = []
    const session = await openSession(made.paths[0]!, {
      onRead: async (s) => {
        s.useMarks(() => {
          order.push('analysed')
          return new Map()
        })
        s.alongside(
          new Promise((done) => setTimeout(done, 100)).then(() => {
            order.push('saved')
            return [{ kind: 'case-save' as const, path: null, message: 'Saved too late.' }]
          })
        )
        return [{ kind: 'case-file', path: null, message: 'Known at once.' }]
      }
    })
    try {
      expect(order).toEqual(['analysed', 'saved'])
      expect(session.problems.map((p) => p.message)).toEqual(['Known at once.', 'Saved too late.'])
    } finally {
      await session.close()
    }
  })

  it('tells the verdicts listeners only when marks (or a later rule) really change a verdict', async () => {
    const session = await openSession(made.paths[0]!)
    try {
      const heard: number[] = []
      session.on('verdicts', (a) => heard.push(flagged(a.recordingVerdicts)))
      // Nothing changed: analysed again, nobody told.
      await session.verdictsChanged()
      expect(heard).toEqual([])
      // Thirty of the English ones disowned: English leaves the usual, and the weak rule flags all forty.
      const english = session.reading.recordings.filter((r) => made.truth.recordings.some((t) => t.foreign && t.time === r.time)).slice(0, 30)
      const marks = new Map<string, MarkValue>(english.map((r) => [r.id, 'not-mine']))
      session.useMarks(() => marks)
      const after = await session.verdictsChanged()
      expect(heard).toEqual([40])
      expect(session.analysis).toBe(after)
    } finally {
      await session.close()
    }
  })

  it('runs the closed listeners while the archive is still open, once', async () => {
    const session = await openSession(made.paths[0]!)
    const seen: boolean[] = []
    session.on('closed', async () => {
      // The archive answers reads until every listener is done.
      const entry = session.archive.entries[0]!
      const stream = await session.archive.openEntry(entry)
      stream.destroy()
      seen.push(true)
    })
    await session.close()
    await session.close()
    expect(seen).toEqual([true])
  })

  it('closes what it opened when a hook refuses the export, and rethrows', async () => {
    let closedHeard = 0
    await expect(
      openSession(made.paths[0]!, {
        onRead: async (s) => {
          s.on('closed', () => void closedHeard++)
          throw new Error('this case belongs to another export')
        }
      })
    ).rejects.toThrow('another export')
    expect(closedHeard).toBe(1)
  })

  it('passes openArchive’s refusal through as an ArchiveOpenError naming the file', async () => {
    const missing = join(dir, 'missing.zip')
    const err = await openSession(missing).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ArchiveOpenError)
    expect((err as Error).message).toContain('missing.zip')
  })

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController()
    const opening = openSession(made.paths[0]!, { signal: controller.signal, onListed: () => controller.abort() })
    await expect(opening).rejects.toThrow()
  })
})

describe('jobs: one throttle and one cancel', () => {
  it('lets one progress event through per interval, and always the last', () => {
    const sent: string[] = []
    const jobs = createJobs((p) => sent.push(p.phase), 60_000)
    const job = jobs.start('j1')
    job.progress('listing', { entries: 1, bytes: 1, totalBytes: 9 })
    job.progress('listing', { entries: 2, bytes: 2, totalBytes: 9 })
    job.progress('providers')
    job.progress('done')
    expect(sent).toEqual(['listing', 'done'])
    job.end()
  })
  it('cancels a running job by id, and says when there was none', () => {
    const jobs = createJobs(() => undefined)
    const job = jobs.start('j2')
    expect(jobs.cancel('j2')).toBe(true)
    expect(job.signal.aborted).toBe(true)
    job.end()
    expect(jobs.cancel('j2')).toBe(false)
  })
})
