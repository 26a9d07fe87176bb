/**
 * Each true voice's best group F1: for voice v, the highest F1 any one group reaches against the
 * recordings truly spoken by v. Used by the clustering tests and by `bench:voices`.
 */
export function bestF1(truth: readonly number[], labels: Int32Array, voices = Math.max(...truth) + 1): number[] {
  const groups = Math.max(-1, ...labels) + 1
  return Array.from({ length: voices }, (_, v) => {
    let best = 0
    for (let g = 0; g < groups; g++) {
      let tp = 0
      let fp = 0
      let fn = 0
      truth.forEach((t, i) => {
        if (t === v && labels[i] === g) tp++
        else if (labels[i] === g) fp++
        else if (t === v) fn++
      })
      best = Math.max(best, (2 * tp) / (2 * tp + fp + fn))
    }
    return best
  })
}
