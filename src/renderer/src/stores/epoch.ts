/**
 * Bumped by the one reset (per-export.ts) for a new export, none, or a new reading of the same one:
 * a load or a change started under an earlier epoch drops its answer (in place of a counter per slice).
 */
export interface Epoch {
  epoch: number
}
