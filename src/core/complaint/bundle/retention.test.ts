import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { emptyCase, serializeCase } from '../../review/case-file'
import { deleteArchive, recordRetentionReminder, caseFileLogger, RETENTION_ADVICE } from './retention'

const dir = mkdtempSync(join(tmpdir(), 'exportscope-retention-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function caseOnDisk(name: string): string {
  const path = join(dir, `${name}.json`)
  const c = emptyCase('fp1-test', '2026-01-01T00:00:00.000Z')
  c.custody.push({ time: '2026-01-01T00:00:00.000Z', tool: 'Exportscope 0.1.0', action: 'opened', detail: 'export.zip' })
  writeFileSync(path, serializeCase(c))
  return path
}
const custodyOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')).custody as { action: string; detail: string }[]

describe('retention: keep one sealed copy, then delete and log', () => {
  it('records the reminder in the custody log and answers the advice', async () => {
    const casePath = caseOnDisk('reminder')
    const r = await recordRetentionReminder(caseFileLogger(casePath), { name: 'export.zip', sha256: 'ab'.repeat(32) })
    expect(r.advice).toBe(RETENTION_ADVICE)
    expect(custodyOf(casePath).map((e) => e.action)).toEqual(['opened', 'kept-sealed'])
    expect(custodyOf(casePath)[1]!.detail).toContain(`export.zip (SHA-256 ${'ab'.repeat(32)})`)
  })

  it('deletes the export and logs its name, size and SHA-256, keeping the earlier lines', async () => {
    const casePath = caseOnDisk('delete')
    const file = join(dir, 'export.zip')
    const bytes = Buffer.from('PK\u0005\u0006'.padEnd(300, 'x'))
    writeFileSync(file, bytes)
    const deleted = await deleteArchive(file, casePath, { overwrite: true })
    expect(existsSync(file)).toBe(false)
    expect(deleted).toEqual({ files: [{ name: 'export.zip', bytes: 300, sha256: sha256(bytes) }], sha256: sha256(bytes) })
    const log = custodyOf(casePath)
    expect(log.map((e) => e.action)).toEqual(['opened', 'deleted'])
    expect(log[1]!.detail).toBe(`deleted export.zip (300 bytes, SHA-256 ${sha256(bytes)}), overwritten with zeros first`)
  })

  it('deletes every part of a multipart export and logs the combined hash, through a logger', async () => {
    const parts = [join(dir, 'takeout-001.zip'), join(dir, 'takeout-002.zip')]
    parts.forEach((p, i) => writeFileSync(p, `part ${i}`))
    const lines: string[] = []
    const r = await deleteArchive(parts, async (action, detail) => void lines.push(`${action}: ${detail}`))
    expect(parts.some((p) => existsSync(p))).toBe(false)
    const combined = createHash('sha256').update(`${sha256(Buffer.from('part 0'))}\n${sha256(Buffer.from('part 1'))}\n`).digest('hex')
    expect(r.sha256).toBe(combined)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^deleted: deleted takeout-001\.zip .*takeout-002\.zip .*; the export's SHA-256 [0-9a-f]{64}$/)
    expect(lines[0]).toContain(combined)
  })

  it('refuses a folder, and keeps the export when the case file cannot take the line', async () => {
    await expect(deleteArchive(dir, async () => null)).rejects.toThrow(/is not a file/)
    const file = join(dir, 'kept.zip')
    writeFileSync(file, 'abc')
    await expect(deleteArchive(file, join(dir, 'no-such-case.json'))).rejects.toThrow(/no-such-case\.json cannot be read/)
    expect(existsSync(file)).toBe(true)
  })

  it('says what was deleted, with its hash, when the log fails afterwards', async () => {
    const file = join(dir, 'gone.zip')
    writeFileSync(file, 'abc')
    const failing = async () => {
      throw new Error('disk full')
    }
    await expect(deleteArchive(file, failing)).rejects.toThrow(/was deleted \(gone\.zip \(3 bytes, SHA-256 ba7816bf[0-9a-f]{56}\)\), but the custody log could not be written: disk full/)
    expect(existsSync(file)).toBe(false)
  })
})
