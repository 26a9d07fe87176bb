import type { Account, ColumnMapping, ReadProblem, Recording, UnmappedCsv } from '../../shared/model/recording'
import type { ExportView, ViewEntry } from './export-view'

export interface Recognition {
  /** 0 = cannot read this export, 1 = certain. readExport parses with providers at or above 0.5. */
  confidence: number
  /** One sentence naming what was seen, for the report. */
  reason: string
}

/** What a provider knows about a device; readExport merges these and counts recordings itself. */
export interface DeviceFact {
  key: string
  name?: string | null
  serial?: string | null
  type?: string | null
  registered?: boolean
  registeredAt?: string | null
  deregisteredAt?: string | null
}

export type ProviderItem =
  | { type: 'account'; account: Account }
  | { type: 'device'; device: DeviceFact }
  /** `recording.deviceId` holds a DeviceFact key; readExport swaps in the device's id. */
  | {
      type: 'recording'
      recording: Recording
      /**
       * The entry the recording's audio is, when the provider found it and no other audio entry has
       * its name: claimed by its place, without a lookup by name. Else its audio is claimed by name.
       */
      entry?: ViewEntry
    }
  | { type: 'problem'; problem: ReadProblem }
  | { type: 'unmapped-csv'; csv: UnmappedCsv }
  /** Audio entries (by view key) the provider read as its own, with or without a recording. */
  | { type: 'claim'; keys: string[] }
  /** The export does not list which devices are registered to the account: its devices' `registered: false` proves nothing. */
  | { type: 'registration-unknown' }
  /** Items in order, handed over at once: a reader of 100,000 rows yields one batch per piece of its file, not one item per row. */
  | { type: 'batch'; items: ProviderItem[] }
  /**
   * Recordings read one after another, as 'recording' items would be (`entries[i]` is the i-th's
   * `entry`): one item for a run of rows, where a wrapper per row was 100,000 objects more to make and collect.
   */
  | {
      type: 'recordings'
      recordings: Recording[]
      entries: Array<ViewEntry | undefined>
      /** `times[i]`: the i-th's time in UTC milliseconds (Date.parse of its `time`), NaN when not read here (src/core/read-times.ts). */
      times?: number[]
    }

export interface ParseProgress {
  provider: string
  /** The file being read now. */
  file: string | null
  recordings: number
}

/** Audio entries that a provider read as its own (with a recording or a 'claim'). */
export interface Claims {
  has(entry: ViewEntry): boolean
}

export interface ParseContext {
  signal?: AbortSignal
  onProgress?: (p: ParseProgress) => void
  mappings: ReadonlyArray<ColumnMapping>
  /** Audio entries no provider should turn into recordings a second time. */
  readonly claimed: Claims
}

/** A data source: a cheap look at paths, then a streaming read. */
export interface ProviderDescriptor {
  readonly id: string
  readonly name: string
  /** Runs after every other provider and sees what they claimed (generic-audio). */
  readonly fallback?: boolean
  /** Paths only: never opens, inflates or walks an entry's contents. */
  recognize(view: ExportView): Recognition
  parse(view: ExportView, ctx: ParseContext): AsyncIterable<ProviderItem>
}
