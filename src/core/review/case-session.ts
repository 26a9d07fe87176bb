import type { Problem } from '../../shared/model/problem'
import type { CustodyAction, MarkEntry, MarkValue, StepText } from '../../shared/model/review'
import type { CaseFile } from './case-file'
import { CaseWriter } from './case-store'
import { History, type EntryChange, type Step, type Target } from './history'

export interface SessionOptions {
  tool: string
  now: () => string
}

/** What one edit asks for: the new mark and/or note of each target; undefined keeps what is there. */
export interface Edit {
  target: Target
  id: string
  mark?: MarkValue | null
  note?: string | null
}

export interface Applied {
  changes: EntryChange[]
  saveError: string | null
}

const same = (a: MarkEntry | null, b: MarkEntry | null) => a?.mark === b?.mark && a?.note === b?.note

/**
 * One export's review while it is open: marks, notes, the custody log, undo and redo. Every
 * change is saved before the call that made it returns, so what the person saw saved is on disk.
 */
export class CaseSession {
  readonly history = new History()
  readonly problems: Problem[] = []
  private readonly writer: CaseWriter

  constructor(
    readonly data: CaseFile,
    path: string,
    private readonly options: SessionOptions
  ) {
    this.writer = new CaseWriter(path, () => this.data)
  }

  private table(target: Target): Record<string, MarkEntry> {
    return target === 'recording' ? this.data.recordings : target === 'device' ? this.data.devices : this.data.voices
  }

  entry(target: Target, id: string): MarkEntry | null {
    return Object.hasOwn(this.table(target), id) ? this.table(target)[id]! : null
  }

  private put(target: Target, id: string, value: MarkEntry | null): void {
    const table = this.table(target)
    if (value) table[id] = value
    else delete table[id]
  }

  /** Appends to the custody log (never edits it) and saves. */
  async log(action: CustodyAction, detail: string): Promise<string | null> {
    this.append(action, detail)
    return this.save()
  }

  private append(action: CustodyAction, detail: string): void {
    const time = this.options.now()
    this.data.custody.push({ time, tool: this.options.tool, action, detail })
    this.data.updatedAt = time
  }

  /** Saves; answers the reason it failed instead of throwing, since the change stays in memory either way. */
  async save(): Promise<string | null> {
    try {
      await this.writer.save()
      return null
    } catch (err) {
      const message = `The review could not be saved (${err instanceof Error ? err.message : String(err)}); it is kept while the export stays open.`
      if (!this.problems.some((p) => p.message === message)) this.problems.push({ kind: 'case-save', path: null, message })
      return message
    }
  }

  /** Applies edits as one undoable step; edits that change nothing are left out, and no change makes no step. */
  async apply(label: string, edits: readonly Edit[], custody: { action: CustodyAction; detail: string }, text?: StepText): Promise<Applied> {
    const time = this.options.now()
    const changes: EntryChange[] = []
    for (const edit of edits) {
      const before = this.entry(edit.target, edit.id)
      const mark = edit.mark === undefined ? (before?.mark ?? null) : edit.mark
      const note = edit.note === undefined ? (before?.note ?? null) : edit.note
      const after = mark === null && note === null ? null : { mark, note, time }
      if (same(before, after)) continue
      this.put(edit.target, edit.id, after)
      changes.push({ target: edit.target, id: edit.id, before, after })
    }
    if (changes.length === 0) return { changes, saveError: null }
    this.history.push({ label, ...(text ? { text } : {}), changes })
    this.append(custody.action, custody.detail)
    return { changes, saveError: await this.save() }
  }

  private async replay(step: Step | null, side: 'before' | 'after', action: CustodyAction): Promise<Applied> {
    if (!step) return { changes: [], saveError: null }
    for (const c of step.changes) this.put(c.target, c.id, c[side])
    this.append(action, `${action === 'undone' ? 'took back' : 'did again'}: ${step.label}`)
    const changes = step.changes.map((c) => (side === 'before' ? { ...c, before: c.after, after: c.before } : c))
    return { changes, saveError: await this.save() }
  }

  undo(): Promise<Applied> {
    return this.replay(this.history.undo(), 'before', 'undone')
  }

  redo(): Promise<Applied> {
    return this.replay(this.history.redo(), 'after', 'redone')
  }

  /** The person's marks by recording id, as the analysis takes them. */
  recordingMarks(): Map<string, MarkValue> {
    const out = new Map<string, MarkValue>()
    for (const [id, e] of Object.entries(this.data.recordings)) if (e.mark) out.set(id, e.mark)
    return out
  }

  flush(): Promise<void> {
    return this.writer.flush()
  }
}
