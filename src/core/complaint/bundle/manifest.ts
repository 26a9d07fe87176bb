import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { Finding } from '../../../shared/model/analysis'
import type { EvidenceSummary } from '../../../shared/model/complaint'
import type { MarkEntry } from '../../../shared/model/review'
import type { ExportReading } from '../../../shared/model/recording'
import { exportSha256, hashArchive } from '../../archive'
import { partOf, pathOf, type ArchiveEntry, type OpenedArchive } from '../../archive/types'
import { appName, appVersion } from '../../version'
import { redact, redactDeviceName } from '../redact'
import { manifestCsv } from './csv'
import type { Transcript } from './excerpts'
import { flaggedRecordings, type VerdictOf } from './flagged'
import { hashEntries } from './hash-entries'
import { MANIFEST_SCHEMA, type Manifest, type ManifestEntry, type ManifestSource } from './manifest-schema'

export interface ManifestProgress {
  phase: 'entries' | 'archive'
  done: number
  total: number
}

export interface ManifestInput {
  archive: OpenedArchive
  reading: ExportReading
  /** The detector's verdict per recording id (analyze().recordingVerdicts); an id not listed is 'own'. */
  verdicts: ReadonlyMap<string, VerdictOf>
  /** The detector's findings, for their sentences; optional. */
  findings?: readonly Finding[]
  /** The person's marks and notes by recording id (the case file's `recordings`); they decide over the verdicts. */
  marks?: Readonly<Record<string, MarkEntry>>
  /** Each part's SHA-256 when already known (in part order); computed otherwise. */
  partHashes?: readonly string[]
  signal?: AbortSignal
  onProgress?: (p: ManifestProgress) => void
}

export interface BuiltManifest {
  manifest: Manifest
  /** manifest.json and manifest.csv, as written into the bundle. */
  json: Buffer
  csv: Buffer
  /** SHA-256 of manifest.json's bytes: what every letter prints. */
  sha256: string
  /** The archive read, and the entries the manifest lists (same order as manifest.entries), for sealed originals. */
  archive: OpenedArchive
  archiveEntries: ArchiveEntry[]
  /** Flagged recordings with a transcript, in export order, for the excerpts. */
  transcripts: Transcript[]
  /** Names to redact wherever the bundle quotes the export: the accounts' names. */
  redactNames: readonly string[]
}

const keyOf = (part: string | null, path: string) => `${part ?? ''}\u0000${path}`
/** Where a ZIP entry's local header is: tells apart two entries of one name. */
export const entryOffset = (e: ArchiveEntry): number | null => {
  const at = (e as { localOffset?: unknown }).localOffset
  return typeof at === 'number' ? at : null
}

/** Every entry of each name: an export may hold two entries of one name, and the evidence lists both. */
export function entriesByName(entries: readonly ArchiveEntry[], part: (e: ArchiveEntry) => string | null = partOf): Map<string, ArchiveEntry[]> {
  const out = new Map<string, ArchiveEntry[]>()
  for (const e of entries) {
    const key = keyOf(part(e), pathOf(e))
    const list = out.get(key)
    if (list) list.push(e)
    else out.set(key, [e])
  }
  return out
}

/**
 * The manifest's time, from the evidence and never the clock: the latest of the person's marks,
 * else the newest recording time of the export (or, with none, its newest entry time).
 */
function evidenceTime(reading: ExportReading, archive: OpenedArchive, marks: Readonly<Record<string, MarkEntry>> | undefined): { at: string; from: 'marks' | 'export' | 'none' } {
  let latest = ''
  for (const m of Object.values(marks ?? {})) if (m.time > latest) latest = m.time
  if (latest) return { at: latest, from: 'marks' }
  for (const r of reading.recordings) if (r.time && r.time > latest) latest = r.time
  if (!latest) for (const e of archive.entries) if (e.info.localTime && e.info.localTime > latest) latest = e.info.localTime
  return latest ? { at: latest, from: 'export' } : { at: '1970-01-01T00:00:00.000Z', from: 'none' }
}
const hex8 = (n: number | null) => (n === null ? null : (n >>> 0).toString(16).padStart(8, '0'))
const serialEnd = (serial: string | null) => (serial ? serial.slice(-4) : null)
export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

/** Serialised the one way a manifest is ever written, so its hash can be recomputed from the object. */
export const manifestJson = (m: Manifest): Buffer => Buffer.from(`${JSON.stringify(m, null, 2)}\n`)

/**
 * The evidence manifest: every audio entry of a recording whose effective verdict is foreign, with
 * its place in the archive, sizes, stored CRC-32, the SHA-256 of its bytes (streamed from the
 * archive), both times with their labels, the reasons and the person's mark and note; the metadata
 * files holding those recordings' rows as `sources`; and the archive's own SHA-256.
 */
export async function buildManifest(input: ManifestInput): Promise<BuiltManifest> {
  const { archive, reading, signal } = input
  const { flagged, includedByMark, excludedByMark } = flaggedRecordings(reading.recordings, input.verdicts, input.marks)
  const byKey = entriesByName(archive.entries)
  const devices = new Map(reading.devices.map((d) => [d.id, d]))

  // One row per audio entry; two recordings naming the same file share it. Where the export holds
  // two entries of that name, each copy gets its row: which one a reader takes depends on the tool.
  const rows = new Map<ArchiveEntry, { key: string; items: typeof flagged }>()
  const sources = new Map<ArchiveEntry, { lines: number[]; rows: number }>()
  for (const f of flagged) {
    const audio = f.recording.audio
    const key = audio ? keyOf(audio.part, audio.path) : null
    for (const entry of key ? (byKey.get(key) ?? []) : []) {
      const row = rows.get(entry)
      if (row) row.items.push(f)
      else rows.set(entry, { key: key!, items: [f] })
    }
    const src = f.recording.source
    const srcKey = keyOf(src.part, src.file)
    if (srcKey === key) continue
    for (const entry of byKey.get(srcKey) ?? []) {
      const s = sources.get(entry) ?? { lines: [], rows: 0 }
      s.rows++
      if (src.line !== null) s.lines.push(src.line)
      sources.set(entry, s)
    }
  }

  const audioEntries = [...rows.keys()]
  const sourceEntries = [...sources.keys()]
  const total = audioEntries.length + sourceEntries.length
  const folder = archive.format === 'folder'
  const partsHashed = folder
    ? Promise.resolve([])
    : input.partHashes
    ? Promise.resolve(input.partHashes.map((sha256, i) => ({ path: archive.parts[i]!.path, sha256 })))
    : hashArchive(
        archive.parts.map((p) => p.path),
        { signal, onProgress: (p) => input.onProgress?.({ phase: 'archive', done: p.bytes, total: p.totalBytes }) }
      )
  // The whole-file hash runs in its worker thread while the entries are read here.
  const [hashed, parts] = await Promise.all([
    hashEntries(archive, [...audioEntries, ...sourceEntries], { signal, onEntry: (done) => input.onProgress?.({ phase: 'entries', done, total }) }),
    partsHashed
  ])
  // An entry a damaged export will not give up is named apart: its hash cannot be vouched for.
  const unreadable = hashed.filter((h) => h.sha256 === null)
  const shaOf = new Map(hashed.filter((h) => h.sha256 !== null).map((h) => [h.entry, h.sha256!]))
  for (const entry of [...rows.keys()]) if (!shaOf.has(entry)) rows.delete(entry)
  for (const entry of [...sources.keys()]) if (!shaOf.has(entry)) sources.delete(entry)

  // Frozen: the redactor reads the list once for every sentence and device name redacted with it (redaction/names.ts).
  const redactNames: readonly string[] = Object.freeze([...new Set(reading.accounts.flatMap((a) => a.names).concat(reading.account.names))])
  // "Thomas's Echo" names its owner: the person's name goes, the model and the room stay ("[name]'s Echo Dot").
  const deviceName = (name: string | null) => (name === null ? null : redactDeviceName(name, redactNames))

  const entries: ManifestEntry[] = [...rows].map(([entry, { items }]) => {
    const first = items[0]!
    const device = first.recording.deviceId ? devices.get(first.recording.deviceId) : undefined
    return {
      path: entry.info.path,
      part: entry.info.part,
      offset: entryOffset(entry),
      size: entry.info.size,
      compressedSize: entry.info.compressedSize,
      method: entry.info.method,
      crc32: hex8(entry.info.crc32),
      sha256: shaOf.get(entry)!,
      archiveTimeLocal: entry.info.localTime,
      timeUtc: first.recording.time,
      recordingIds: items.map((i) => i.recording.id),
      device: device ? { name: deviceName(device.name), serialEnd: serialEnd(device.serial) } : null,
      verdict: first.verdict,
      reasons: [...new Set(items.flatMap((i) => i.reasons))],
      mark: first.mark,
      note: first.note
    }
  })
  const sourceRows: ManifestSource[] = [...sources].map(([entry, s]) => ({
    path: entry.info.path,
    part: entry.info.part,
    offset: entryOffset(entry),
    size: entry.info.size,
    crc32: hex8(entry.info.crc32),
    sha256: shaOf.get(entry)!,
    rows: s.rows,
    lines: s.lines
  }))

  const flaggedIds = new Set(flagged.map((f) => f.recording.id))
  const findings = (input.findings ?? [])
    .map((f) => ({ f, n: f.recordingIds.filter((id) => flaggedIds.has(id)).length }))
    .filter(({ n }) => n > 0)
    .map(({ f, n }) => ({ rule: f.rule, severity: f.severity, message: redact(f.message, { names: redactNames }).text, recordings: n }))

  const times = flagged.map((f) => f.recording.time).filter((t): t is string => t !== null).sort()
  const perDevice = new Map<string | null, number>()
  for (const f of flagged) perDevice.set(f.recording.deviceId, (perDevice.get(f.recording.deviceId) ?? 0) + 1)
  const partHashes = parts.map((p) => p.sha256)
  const time = evidenceTime(reading, archive, input.marks)
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    createdAt: time.at,
    createdFrom: time.from,
    tool: `${appName} ${appVersion}`,
    archive: {
      name: basename(archive.path),
      format: archive.format,
      bytes: archive.bytes,
      sha256: folder ? null : exportSha256(partHashes),
      parts: folder ? [] : archive.parts.map((p, i) => ({ name: basename(p.path), bytes: p.bytes, sha256: partHashes[i]! })),
      fingerprint: archive.fingerprint
    },
    summary: {
      recordings: flagged.length,
      audioEntries: entries.length,
      audioBytes: entries.reduce((sum, e) => sum + e.size, 0),
      firstUtc: times[0] ?? null,
      lastUtc: times.at(-1) ?? null,
      devices: [...perDevice].map(([id, n]) => {
        const d = id ? devices.get(id) : undefined
        return { name: deviceName(d?.name ?? null), serialEnd: serialEnd(d?.serial ?? null), registered: d?.registered ?? false, recordings: n }
      }),
      includedByMark,
      excludedByMark
    },
    findings,
    entries,
    sources: sourceRows,
    unreadable: unreadable.map((h) => ({ path: h.entry.info.path, part: h.entry.info.part, size: h.entry.info.size, crc32: hex8(h.entry.info.crc32), error: h.error! }))
  }
  const json = manifestJson(manifest)
  const rowOf = new Map<string, number>()
  ;[...rows.values()].forEach((r, i) => rowOf.has(r.key) || rowOf.set(r.key, i + 1))
  const transcripts = flagged
    .filter((f) => f.recording.transcript)
    .map((f) => ({
      time: f.recording.time,
      entry: f.recording.audio ? (rowOf.get(keyOf(f.recording.audio.part, f.recording.audio.path)) ?? null) : null,
      text: f.recording.transcript!,
      language: f.recording.language
    }))
  return { manifest, json, csv: manifestCsv(manifest), sha256: sha256Hex(json), archive, archiveEntries: [...rows.keys()], transcripts, redactNames }
}

/** What the letters say about the evidence (shared/model/complaint.ts), from a built manifest. */
export function evidenceSummary(m: Manifest, manifestSha256: string | null, rootSha256: string | null = null): EvidenceSummary {
  return {
    archiveName: m.archive.name,
    archiveBytes: m.archive.bytes,
    archiveSha256: m.archive.sha256,
    foreignRecordings: m.summary.recordings,
    foreignDevices: m.summary.devices.map((d) => ({ name: d.name ?? '(unnamed device)', serial: d.serialEnd ? `…${d.serialEnd}` : null, recordings: d.recordings })),
    firstAt: m.summary.firstUtc,
    lastAt: m.summary.lastUtc,
    manifestSha256,
    rootSha256
  }
}
