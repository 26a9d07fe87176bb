import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyCase, serializeCase } from './case-file'
import { casePath, casesDir, CaseWriter, loadCase } from './case-store'

const FP = 'fp1-1234-0123456789abcdef0123456789abcdef'
const NOW = '2024-03-01T10:00:00.000Z'
let home: string
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'exportscope-cases-'))
})
afterEach(() => rm(home, { recursive: true, force: true }))

describe('loading a case', () => {
  it('starts an empty case when the export has none yet', async () => {
    expect(await loadCase(home, FP, NOW)).toEqual({ case: emptyCase(FP, NOW), problem: null, setAside: null, fresh: true })
  })

  it('reads back what was saved, owner-only', async () => {
    const c = emptyCase(FP, NOW)
    c.recordings.r1 = { mark: 'not-mine', note: 'Thomas, not me', time: NOW }
    c.custody.push({ time: NOW, tool: 'Exportscope 0.1.0', action: 'marked', detail: 'mark 1 recording as not mine' })
    await new CaseWriter(casePath(home, FP), () => c).save()
    expect((await loadCase(home, FP, NOW)).case).toEqual(c)
    expect((await stat(casePath(home, FP))).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['torn JSON', '{"schema":"exportscope.case/1","fingerprint":"fp1-12', /not valid JSON/],
    ['another program’s JSON', '{"hello":"world"}', /not a case file this version can read \(schema: /],
    ['another export’s case', serializeCase(emptyCase('fp1-99-other', NOW)), /belongs to another export \(fingerprint fp1-99-other\)/],
    ['nothing at all', '', /not valid JSON/]
  ])('keeps a damaged file (%s) aside, starts clean, and says so', async (_, text, why) => {
    await mkdir(casesDir(home), { recursive: true })
    await writeFile(casePath(home, FP), text)
    const loaded = await loadCase(home, FP, NOW)
    expect(loaded.case).toEqual(emptyCase(FP, NOW))
    expect(loaded.setAside).toBe(`${FP}.damaged-20240301100000000.json`)
    expect(loaded.problem).toMatchObject({ kind: 'case-file', path: loaded.setAside, message: expect.stringMatching(why) })
    expect(loaded.problem!.message).toContain(`It was kept as ${loaded.setAside} in the cases folder; the review starts anew.`)
    expect(await readFile(join(casesDir(home), loaded.setAside!), 'utf8')).toBe(text)
    expect(await readdir(casesDir(home))).toEqual([loaded.setAside])
  })

  it('removes what a killed save left behind, and keeps the good copy', async () => {
    const c = emptyCase(FP, NOW)
    await new CaseWriter(casePath(home, FP), () => c).save()
    await writeFile(join(casesDir(home), `.${FP}.json.a1b2c3.tmp`), '{"half')
    await writeFile(join(casesDir(home), `.other.json.a1b2c3.tmp`), 'not ours')
    expect((await loadCase(home, FP, NOW)).problem).toBeNull()
    expect((await readdir(casesDir(home))).sort()).toEqual([`.other.json.a1b2c3.tmp`, `${FP}.json`])
  })

  it('refuses a fingerprint that would name a file elsewhere', () => {
    expect(() => casePath(home, '../../etc/passwd')).toThrow(/not a fingerprint/)
    expect(() => casePath(home, 'fp1-1..2')).toThrow(/not a fingerprint/)
    expect(casePath(home, FP)).toBe(join(home, 'cases', `${FP}.json`))
  })
})

describe('saving a case', () => {
  it('lets a burst of saves share writes, and writes the state as it is last', async () => {
    const c = emptyCase(FP, NOW)
    let writes = 0
    const writer = new CaseWriter(casePath(home, FP), () => (writes++, c))
    const saves: Array<Promise<void>> = []
    for (let i = 0; i < 50; i++) {
      c.recordings[`r${i}`] = { mark: 'mine', note: null, time: NOW }
      saves.push(writer.save())
    }
    await Promise.all(saves)
    expect(writes).toBeLessThanOrEqual(2)
    expect(Object.keys((await loadCase(home, FP, NOW)).case.recordings)).toHaveLength(50)
  })

  it('reports a failed save to its caller, and the next save still works', async () => {
    const c = emptyCase(FP, NOW)
    await writeFile(join(home, 'blocker'), 'a file where the cases folder would be')
    const blocked = new CaseWriter(join(home, 'blocker', `${FP}.json`), () => c)
    await expect(blocked.save()).rejects.toThrow()
    const writer = new CaseWriter(casePath(home, FP), () => c)
    await expect(writer.save()).resolves.toBeUndefined()
  })
})
