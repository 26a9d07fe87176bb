import { basename } from 'node:path'
import { exportSha256, hashArchive, openArchive } from '../../archive'
import type { ArchiveEntry, OpenedArchive } from '../../archive/types'
import { hashEntries, sha256OfEntry } from './hash-entries'
import { sha256Hex } from './manifest'
import { ManifestSchema, type Manifest } from './manifest-schema'
import { sealedName } from './names'

export type DifferenceKind =
  | 'missing-file'
  | 'unlisted-file'
  | 'file-hash'
  | 'manifest-hash'
  | 'manifest-invalid'
  | 'archive-hash'
  | 'part-hash'
  | 'entry-missing'
  | 'entry-hash'
  | 'entry-size'
  | 'entry-unreadable'
  | 'sealed-hash'

/** One thing that is not as the bundle says; `where` is a file of the bundle or an entry of the export. */
export interface Difference {
  kind: DifferenceKind
  where: string
  message: string
  expected?: string
  actual?: string
}

export interface VerifyOptions {
  /** The export (a file, or any one part of a multipart export) to check the listed entries against. */
  against?: string
  signal?: AbortSignal
  onProgress?: (p: { phase: 'bundle' | 'archive' | 'entries'; done: number; total: number }) => void
}

export interface VerifyResult {
  ok: boolean
  differences: Difference[]
  manifest: Manifest | null
  /** SHA-256 of the bundle's manifest.json as it is now: the value the letters print. */
  manifestSha256: string | null
  /** How many bundle files and export entries were checked. */
  checked: { files: number; entries: number; archive: boolean }
}

const REQUIRED = ['manifest.json', 'manifest.sha256', 'SHA256SUMS']
const SUM_LINE = /^([0-9a-f]{64}) [ *](.+)$/

async function bytesOf(archive: OpenedArchive, entry: ArchiveEntry): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of await archive.openEntry(entry)) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Lines of sha256sum's format: digest, two spaces (or space and '*'), name. */
function parseSums(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const m = SUM_LINE.exec(line)
    if (m) out.set(m[2]!, m[1]!)
  }
  return out
}

/**
 * Checks a bundle: every file against SHA256SUMS, manifest.json against manifest.sha256, sealed
 * originals against the manifest; and with `against`, the export's SHA-256 and every listed entry's
 * bytes. Opens both read-only. Throws ArchiveOpenError when the bundle or the export cannot be
 * opened at all; everything else is a difference in the result.
 */
export async function verifyBundle(bundlePath: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { signal } = options
  const differences: Difference[] = []
  const differ = (d: Difference) => differences.push(d)
  const checked = { files: 0, entries: 0, archive: false }
  let manifest: Manifest | null = null
  let manifestSha256: string | null = null

  const bundle = await openArchive(bundlePath, { signal })
  try {
    // Nested archives are listed too ('x.zip!/…'); only the bundle's own files count.
    const files = new Map(bundle.entries.filter((e) => !e.info.path.includes('!/') && !e.info.path.endsWith('/')).map((e) => [e.info.path, e]))
    for (const name of REQUIRED) if (!files.has(name)) differ({ kind: 'missing-file', where: name, message: `The bundle has no ${name}.` })

    const sumsEntry = files.get('SHA256SUMS')
    const sums = sumsEntry ? parseSums((await bytesOf(bundle, sumsEntry)).toString('utf8')) : new Map<string, string>()
    for (const name of files.keys()) {
      if (name !== 'SHA256SUMS' && !sums.has(name)) differ({ kind: 'unlisted-file', where: name, message: `${name} is in the bundle but not listed in SHA256SUMS.` })
    }
    let done = 0
    const actualOf = new Map<string, string>()
    for (const [name, expected] of sums) {
      const entry = files.get(name)
      options.onProgress?.({ phase: 'bundle', done: done++, total: sums.size })
      if (!entry) {
        differ({ kind: 'missing-file', where: name, message: `SHA256SUMS lists ${name}, but the bundle does not hold it.` })
        continue
      }
      const actual = await sha256OfEntry(bundle, entry, signal).catch((err: unknown) => `unreadable: ${err instanceof Error ? err.message : String(err)}`)
      actualOf.set(name, actual)
      checked.files++
      if (actual !== expected) differ({ kind: 'file-hash', where: name, message: `${name} has changed since the bundle was made.`, expected, actual })
    }

    const manifestEntry = files.get('manifest.json')
    const manifestBytes = manifestEntry ? await bytesOf(bundle, manifestEntry) : null
    if (manifestBytes) manifestSha256 = sha256Hex(manifestBytes)
    const recordedEntry = files.get('manifest.sha256')
    if (manifestBytes && recordedEntry) {
      const recorded = parseSums((await bytesOf(bundle, recordedEntry)).toString('utf8')).get('manifest.json')
      const actual = sha256Hex(manifestBytes)
      if (recorded !== actual) differ({ kind: 'manifest-hash', where: 'manifest.json', message: "manifest.json does not have the SHA-256 recorded in manifest.sha256 (the value the letters print).", expected: recorded ?? '(none recorded)', actual })
    }
    if (manifestBytes) {
      let json: unknown = null
      try {
        json = JSON.parse(manifestBytes.toString('utf8'))
      } catch {
        /* reported below */
      }
      const parsed = ManifestSchema.safeParse(json)
      if (parsed.success) manifest = parsed.data
      else differ({ kind: 'manifest-invalid', where: 'manifest.json', message: `manifest.json is not a manifest this version can read${parsed.error.issues[0] ? ` (${parsed.error.issues[0].path.join('.') || 'file'}: ${parsed.error.issues[0].message})` : ''}.` })
    }

    if (manifest) {
      const archiveSums = files.get('archive.sha256')
      if (!archiveSums && manifest.archive.sha256 !== null) differ({ kind: 'missing-file', where: 'archive.sha256', message: 'The bundle has no archive.sha256.' })
      if (archiveSums) {
        const listed = parseSums((await bytesOf(bundle, archiveSums)).toString('utf8'))
        for (const p of manifest.archive.parts) {
          if (listed.get(p.name) !== p.sha256) differ({ kind: 'archive-hash', where: 'archive.sha256', message: `archive.sha256 does not give ${p.name} the SHA-256 the manifest records.`, expected: p.sha256, actual: listed.get(p.name) ?? '(not listed)' })
        }
      }
      for (const e of manifest.entries) {
        const name = sealedName(e.part, e.path)
        const actual = actualOf.get(name)
        if (actual !== undefined && actual !== e.sha256) differ({ kind: 'sealed-hash', where: name, message: `The sealed original of ${e.path} does not have the SHA-256 the manifest lists.`, expected: e.sha256, actual })
      }
    }
  } finally {
    await bundle.close()
  }

  if (options.against && manifest) {
    await checkAgainst(options.against, manifest, differ, checked, options)
  }
  return { ok: differences.length === 0, differences, manifest, manifestSha256, checked }
}

async function checkAgainst(path: string, manifest: Manifest, differ: (d: Difference) => void, checked: VerifyResult['checked'], options: VerifyOptions): Promise<void> {
  const { signal } = options
  const archive = await openArchive(path, { signal })
  try {
    const key = (part: string | null, p: string) => `${part ?? ''}\u0000${p}`
    const byKey = new Map(archive.entries.map((e) => [key(e.info.part === null ? null : basename(e.info.part), e.info.path), e]))
    const listed = [...manifest.entries, ...manifest.sources]
    const present: { entry: ArchiveEntry; expected: (typeof listed)[number] }[] = []
    for (const l of listed) {
      const entry = byKey.get(key(l.part, l.path))
      if (!entry) differ({ kind: 'entry-missing', where: l.path, message: `The export has no entry ${l.path}${l.part ? ` in ${l.part}` : ''}.` })
      else present.push({ entry, expected: l })
    }
    const [hashed, parts] = await Promise.all([
      hashEntries(
        archive,
        present.map((p) => p.entry),
        { signal, onEntry: (done) => options.onProgress?.({ phase: 'entries', done, total: present.length }) }
      ),
      manifest.archive.sha256 === null || archive.format === 'folder'
        ? Promise.resolve([])
        : hashArchive(
            archive.parts.map((p) => p.path),
            { signal, onProgress: (p) => options.onProgress?.({ phase: 'archive', done: p.bytes, total: p.totalBytes }) }
          )
    ])
    hashed.forEach((h, i) => {
      const { expected } = present[i]!
      checked.entries++
      if (h.sha256 === null) differ({ kind: 'entry-unreadable', where: expected.path, message: `${expected.path} can no longer be read: ${h.error}`, expected: expected.sha256 })
      else if (h.sha256 !== expected.sha256) differ({ kind: 'entry-hash', where: expected.path, message: `The bytes of ${expected.path} are not those listed.`, expected: expected.sha256, actual: h.sha256 })
      if (h.entry.info.size !== expected.size) differ({ kind: 'entry-size', where: expected.path, message: `${expected.path} has ${h.entry.info.size} bytes, not ${expected.size}.`, expected: String(expected.size), actual: String(h.entry.info.size) })
    })
    if (manifest.archive.sha256 === null) return
    const actual = exportSha256(parts.map((p) => p.sha256))
    checked.archive = true
    if (actual !== manifest.archive.sha256) differ({ kind: 'archive-hash', where: basename(path), message: `The export's SHA-256 is not the one the manifest records: its bytes have changed, or it is another export.`, expected: manifest.archive.sha256, actual })
    parts.forEach((p, i) => {
      const want = manifest.archive.parts.find((x) => x.name === basename(p.path)) ?? manifest.archive.parts[i]
      if (want && want.sha256 !== p.sha256 && parts.length > 1) differ({ kind: 'part-hash', where: basename(p.path), message: `The part ${basename(p.path)} has changed.`, expected: want.sha256, actual: p.sha256 })
    })
  } finally {
    await archive.close()
  }
}
