import type { MarkEntry, StepText } from '../../shared/model/review'

/** 'voice': a whole voice's mark, kept under each of its sample recordings' ids (see voices/). */
export type Target = 'recording' | 'device' | 'voice'

export interface EntryChange {
  target: Target
  id: string
  before: MarkEntry | null
  after: MarkEntry | null
}

/** One undoable step: a single mark, a bulk mark of a device or a selection, a note. */
export interface Step {
  label: string
  text?: StepText
  changes: EntryChange[]
}

// A bulk mark of 100,000 recordings is one step; the bound is on entries kept, not on steps.
const MAX_ENTRIES = 2_000_000
const MAX_STEPS = 200

/** Undo and redo for one open case; lives as long as the export is open. */
export class History {
  private done: Step[] = []
  private undone: Step[] = []
  private entries = 0

  push(step: Step): void {
    this.done.push(step)
    this.entries += step.changes.length
    for (const s of this.undone) this.entries -= s.changes.length
    this.undone = []
    while (this.done.length > 1 && (this.entries > MAX_ENTRIES || this.done.length > MAX_STEPS)) this.entries -= this.done.shift()!.changes.length
  }

  /** The step to take back, moved to the redo side. */
  undo(): Step | null {
    const step = this.done.pop()
    if (step) this.undone.push(step)
    return step ?? null
  }

  redo(): Step | null {
    const step = this.undone.pop()
    if (step) this.done.push(step)
    return step ?? null
  }

  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null
  }

  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null
  }

  get undoText(): StepText | null {
    return this.done.at(-1)?.text ?? null
  }

  get redoText(): StepText | null {
    return this.undone.at(-1)?.text ?? null
  }
}
