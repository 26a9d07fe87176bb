import type { OpenedArchive } from '../archive/types'
import type { Account, ColumnMapping, Device, ExportReading, ProviderUsed, ReadProblem, Recording, UnmappedCsv } from '../../shared/model/recording'
import { builtInProviders } from './built-ins'
import { ColumnRecording } from './csv/recording-columns'
import { createExportView, type ExportView, type ViewEntry } from './export-view'
import { stableId } from './ids'
import { isoOfMs } from './time'
import { onceInto } from './unique-list'
import { UniqueIds } from './unique-ids'
import { keepReadTimes, TimedRecording } from '../read-times'
import { widened } from '../typed-arrays'
import { errorText, problem } from './read-text'
import type { ProviderRegistry } from './registry'
import type { Claims, DeviceFact, ParseContext, ParseProgress, ProviderDescriptor, ProviderItem } from './types'

export interface ReadExportOptions {
  signal?: AbortSignal
  onProgress?: (p: ParseProgress) => void
  mappings?: ReadonlyArray<ColumnMapping>
  providers?: ProviderRegistry
}

const CONFIDENT = 0.5

const mergeDevice = (into: Device, fact: DeviceFact): void => {
  into.name ??= fact.name ?? null
  into.serial ??= fact.serial ?? null
  into.type ??= fact.type ?? null
  into.registered ||= fact.registered === true
  into.registeredAt ??= fact.registeredAt ?? null
  into.deregisteredAt ??= fact.deregisteredAt ?? null
}

/**
 * The audio entries read as some provider's own: by place for an entry a provider handed on with
 * its recording (a byte per entry, where a set of 100,000 names cost a hash of each, three times),
 * by name (view key) for the rest.
 */
class Claimed implements Claims {
  private readonly places: Uint8Array
  private readonly keys = new Set<string>()

  constructor(view: ExportView) {
    this.places = new Uint8Array(view.entries.length)
  }

  entry(entry: ViewEntry): void {
    this.places[entry.index] = 1
  }

  key(key: string): void {
    this.keys.add(key)
  }

  has(entry: ViewEntry): boolean {
    return this.places[entry.index] === 1 || (this.keys.size > 0 && this.keys.has(entry.key))
  }
}

/** Everything the providers read, folded into one result; memory grows with recordings, not archive size. */
class Collector {
  readonly accounts: Account[] = []
  readonly devices = new Map<string, Device>()
  readonly recordings: Recording[] = []
  readonly problems: ReadProblem[] = []
  readonly unmappedCsv: UnmappedCsv[] = []
  readonly claimed: Claimed
  constructor(view: ExportView) {
    this.claimed = new Claimed(view)
  }
  /** Providers whose export does not list the account's devices. */
  readonly registrationUnknown = new Set<string>()
  private readonly ids = new UniqueIds((n) => this.recordings[n]!.id)
  /** Per recording, the time text and its milliseconds as its reader gave them (NaN: not given): read-times.ts. */
  readonly isos: Array<string | null> = []
  ms = new Float64Array(1024)

  /** Devices by provider, then by key: found per recording without making a key string each time. */
  private readonly byProvider = new Map<string, Map<string, Device>>()

  /**
   * The device found last: rows of one device come in runs, so most rows find theirs here. (Three
   * fields, not an object: rows of devices that take turns made a garbage object per row.)
   */
  private lastDevice: Device | null = null
  private lastProvider = ''
  private lastKey = ''

  private deviceOf(provider: string, key: string): Device {
    if (this.lastDevice !== null && this.lastKey === key && this.lastProvider === provider) return this.lastDevice
    const device = this.lookUp(provider, key)
    this.lastDevice = device
    this.lastProvider = provider
    this.lastKey = key
    return device
  }

  private lookUp(provider: string, key: string): Device {
    let keys = this.byProvider.get(provider)
    if (!keys) this.byProvider.set(provider, (keys = new Map()))
    let device = keys.get(key)
    if (!device) {
      device = { id: stableId('d', provider, key), provider, name: null, serial: null, type: null, registered: false, registeredAt: null, deregisteredAt: null, firstSeen: null, lastSeen: null, recordings: 0 }
      keys.set(key, device)
      this.devices.set(`${provider}\u0000${key}`, device)
    }
    return device
  }

  device(provider: string, fact: DeviceFact): Device {
    const device = this.deviceOf(provider, fact.key)
    mergeDevice(device, fact)
    return device
  }

  /**
   * Per device, the earliest and latest time given as milliseconds (a recording that keeps its time
   * so makes its text only when asked): folded into firstSeen and lastSeen at the end (seenTimes).
   */
  private readonly seenMs = new Map<Device, Float64Array>()
  private lastSeenDevice: Device | null = null
  private lastSeenMs: Float64Array = new Float64Array(2)

  private seen(device: Device, ms: number): void {
    let span = this.lastSeenMs
    if (device !== this.lastSeenDevice) {
      const known = this.seenMs.get(device)
      if (known === undefined) this.seenMs.set(device, (span = Float64Array.of(ms, ms)))
      else span = known
      this.lastSeenDevice = device
      this.lastSeenMs = span
    }
    if (ms < span[0]!) span[0] = ms
    if (ms > span[1]!) span[1] = ms
  }

  /**
   * firstSeen and lastSeen with the times seen as milliseconds: their texts compare as the
   * milliseconds do ('YYYY-MM-DDTHH:MM:SS.sssZ', 4-digit years: what every reader giving them makes).
   */
  seenTimes(): void {
    for (const [device, span] of this.seenMs) {
      const first = isoOfMs(span[0]!)
      const last = isoOfMs(span[1]!)
      if (device.firstSeen === null || first < device.firstSeen) device.firstSeen = first
      if (device.lastSeen === null || last > device.lastSeen) device.lastSeen = last
    }
  }

  /** `ms`: the recording's time in UTC milliseconds when its reader gave them (then its time is their text), else NaN. */
  recording(r: Recording, entry: ViewEntry | undefined, ms: number): void {
    if (r.deviceId !== null) {
      // A bare key merges nothing into the device: only found (or made).
      const device = this.deviceOf(r.provider, r.deviceId)
      r.deviceId = device.id
      device.recordings++
      if (ms === ms) this.seen(device, ms)
      else {
        const time = r.time
        if (time) {
          if (device.firstSeen === null || time < device.firstSeen) device.firstSeen = time
          if (device.lastSeen === null || time > device.lastSeen) device.lastSeen = time
        }
      }
    }
    // Ids must be unique for marks to land on one recording; a hash collision gets a suffix.
    // (Each id added is the id of the recording pushed next: the table finds ids by that place.)
    // (A recording kept as columns keeps no id string for this check: only callers that keep ids do, RecordingColumns.id.)
    if (!this.ids.add(r instanceof ColumnRecording ? r.uncachedId : r.id)) {
      let n = 2
      while (!this.ids.add(`${r.id}~${n}`)) n++
      r.id = `${r.id}~${n}`
    }
    if (entry) this.claimed.entry(entry)
    else if (r.audio) this.claimed.key(r.audio.part ? `${r.audio.part}\u0000${r.audio.path}` : r.audio.path)
    const k = this.recordings.length
    if (k === this.ms.length) this.ms = widened(this.ms, k * 2)
    this.ms[k] = ms
    // (A recording that keeps its time's milliseconds answers for itself: no text made and kept here.)
    this.isos.push(r instanceof TimedRecording ? null : r.time)
    this.recordings.push(r)
  }
}

function ownerAccount(accounts: readonly Account[]): ExportReading['account'] {
  const owner = { ids: [] as string[], names: [] as string[], emails: [] as string[] }
  const add = { ids: onceInto(owner.ids), names: onceInto(owner.names), emails: onceInto(owner.emails) }
  for (const a of accounts) {
    if (a.role !== 'owner') continue
    for (const k of ['ids', 'names', 'emails'] as const) for (const v of a[k]) add[k](v)
  }
  return owner
}

function take(item: ProviderItem, provider: ProviderDescriptor, out: Collector): void {
  switch (item.type) {
    case 'account':
      out.accounts.push(item.account)
      break
    case 'device':
      out.device(provider.id, item.device)
      break
    case 'recording':
      out.recording(item.recording, item.entry, Number.NaN)
      break
    case 'problem':
      out.problems.push(item.problem)
      break
    case 'unmapped-csv':
      out.unmappedCsv.push(item.csv)
      break
    case 'claim':
      for (const k of item.keys) out.claimed.key(k)
      break
    case 'registration-unknown':
      out.registrationUnknown.add(provider.id)
      break
    case 'batch':
      for (const one of item.items) take(one, provider, out)
      break
    case 'recordings':
      for (let i = 0; i < item.recordings.length; i++) out.recording(item.recordings[i]!, item.entries[i], item.times === undefined ? Number.NaN : item.times[i]!)
      break
  }
}

async function run(provider: ProviderDescriptor, view: ExportView, ctx: ParseContext, out: Collector): Promise<void> {
  try {
    for await (const item of provider.parse(view, ctx)) take(item, provider, out)
  } catch (err) {
    if (ctx.signal?.aborted) throw err
    // One provider failing must not hide what the others read.
    out.problems.push(problem(provider.id, 'provider-failed', null, `${provider.name} stopped reading: ${errorText(err)}`))
  }
}

/**
 * Reads an opened export: every provider looks at the paths, the confident ones parse, and
 * generic-audio lists whatever audio is left so nothing audible is hidden.
 */
export async function readExport(archive: OpenedArchive, options: ReadExportOptions = {}): Promise<ExportReading> {
  const registry = options.providers ?? builtInProviders()
  const view = createExportView(archive)
  const out = new Collector(view)
  const ctx: ParseContext = { signal: options.signal, onProgress: options.onProgress, mappings: options.mappings ?? [], claimed: out.claimed }
  const all = registry.list()
  const recognised = all
    .filter((p) => !p.fallback)
    .map((p) => ({ p, r: p.recognize(view) }))
    .filter(({ r }) => r.confidence >= CONFIDENT)
    .sort((a, b) => b.r.confidence - a.r.confidence)
  const fallbacks = all.filter((p) => p.fallback).map((p) => ({ p, r: p.recognize(view) }))
  const used: ProviderUsed[] = []
  for (const { p, r } of [...recognised, ...fallbacks]) {
    options.signal?.throwIfAborted()
    const before = out.recordings.length
    await run(p, view, ctx, out)
    if (!p.fallback || out.recordings.length > before) used.push({ id: p.id, name: p.name, confidence: r.confidence, reason: r.reason })
  }
  out.seenTimes()
  for (const device of out.devices.values()) if (out.registrationUnknown.has(device.provider) && !device.registered) device.registrationKnown = false
  keepReadTimes(out.recordings, { isos: out.isos, ms: out.ms })
  return {
    providers: used,
    account: ownerAccount(out.accounts),
    accounts: out.accounts,
    devices: [...out.devices.values()],
    recordings: out.recordings,
    problems: out.problems,
    unmappedCsv: out.unmappedCsv
  }
}
