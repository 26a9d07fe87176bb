import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../src/core/services'
import { dispatch } from '../../src/shared/ipc/dispatch'

/**
 * A curious co-user of the machine must not read what the app keeps about a stranger's recordings:
 * after opening the sample, marking, computing peaks and saving complaint facts, every folder the
 * app made in its home is 0700 and every file 0600.
 */

let root: string
let home: string
let services: Services

async function walk(dir: string): Promise<Array<{ path: string; mode: number; dir: boolean }>> {
  const out: Array<{ path: string; mode: number; dir: boolean }> = []
  for (const name of await readdir(dir)) {
    const path = join(dir, name)
    const st = await lstat(path)
    out.push({ path, mode: st.mode & 0o777, dir: st.isDirectory() })
    if (st.isDirectory()) out.push(...(await walk(path)))
  }
  return out
}

async function call<T>(name: string, payload: unknown): Promise<T> {
  const r = (await dispatch(services.handlers, name, payload)) as { ok: boolean; value?: T; error?: { message: string } }
  if (!r.ok) throw new Error(`${name}: ${r.error?.message}`)
  return r.value as T
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'es-modes-'))
  home = join(root, 'home')
  const { ensureHome } = await import('../../src/core/home')
  ensureHome(home)
  services = createServices({ shell: 'cli', home, emit: () => undefined, chooseArchive: async () => null, mediaUrl: (t) => `exportscope-media://media/${t}` })
}, 60_000)
afterAll(async () => {
  await services.dispose()
  await rm(root, { recursive: true, force: true })
})

describe('files the app writes are owner-only', () => {
  it('after open, mark, peaks and complaint facts: folders 0700, files 0600', async () => {
    const summary = await call<{ archiveId: string }>('openSample', { jobId: 'modes' })
    const { archiveId } = summary
    const page = await call<{ recordings: Array<{ id: string }> }>('listRecordings', { archiveId, offset: 0, limit: 5 })
    const [first, second] = page.recordings
    await call('mark', { archiveId, recordingIds: [first!.id], mark: 'not-mine', note: 'not my voice' })
    await call('recordingAudio', { archiveId, recordingId: second!.id, waitMs: 10_000 })
    const facts = await call<{ suggested: unknown }>('complaintFacts', { archiveId })
    await call('saveComplaintFacts', { archiveId, draft: facts.suggested })
    await call('closeArchive', { archiveId })

    const written = await walk(home)
    // Something of each kind was written, so the modes below are not vacuous.
    expect(written.filter((w) => !w.dir).length).toBeGreaterThanOrEqual(3)
    const wrong = written.filter((w) => w.mode !== (w.dir ? 0o700 : 0o600)).map((w) => `${relative(home, w.path)} ${w.mode.toString(8)}`)
    expect(wrong).toEqual([])
    expect((await lstat(home)).mode & 0o777).toBe(0o700)
  }, 120_000)

  it('leaves no temp file behind in the home after a clean close', async () => {
    const names = (await walk(home)).map((w) => relative(home, w.path))
    expect(names.filter((n) => /\.tmp|\.partial|~$/.test(n))).toEqual([])
  })
})
