/**
 * Average-linkage agglomerative clustering of a few hundred to a couple of thousand points, cut
 * where the closest two groups are farther apart than `cut`. All pairs, so only ever run on a sample.
 * Each row remembers its nearest other row; after a merge only rows that pointed at the merged
 * pair look again, which keeps the whole run near n² rather than n³.
 */
export function averageLinkage(points: readonly Float32Array[], cut: number): Int32Array {
  const n = points.length
  const d = new Float32Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0
      const a = points[i]!
      const b = points[j]!
      for (let k = 0; k < a.length; k++) {
        const x = a[k]! - b[k]!
        s += x * x
      }
      d[i * n + j] = d[j * n + i] = Math.sqrt(s)
    }
  }
  const size = new Int32Array(n).fill(1)
  const alive = new Uint8Array(n).fill(1)
  const near = new Int32Array(n)
  const nearD = new Float32Array(n)
  const look = (i: number) => {
    let best = -1
    let bd = Infinity
    for (let j = 0; j < n; j++) {
      if (j === i || !alive[j]) continue
      const x = d[i * n + j]!
      if (x < bd) {
        bd = x
        best = j
      }
    }
    near[i] = best
    nearD[i] = bd
  }
  for (let i = 0; i < n; i++) look(i)
  const parent = new Int32Array(n).map((_, i) => i)
  for (let left = n; left > 1; left--) {
    let a = -1
    let bd = Infinity
    for (let i = 0; i < n; i++) if (alive[i] && nearD[i]! < bd) ((bd = nearD[i]!), (a = i))
    if (a < 0 || bd > cut) break
    const b = near[a]!
    // b joins a: a's distances become the size-weighted average (Lance-Williams for average linkage).
    for (let j = 0; j < n; j++) {
      if (!alive[j] || j === a || j === b) continue
      const x = (size[a]! * d[a * n + j]! + size[b]! * d[b * n + j]!) / (size[a]! + size[b]!)
      d[a * n + j] = d[j * n + a] = x
    }
    size[a]! += size[b]!
    alive[b] = 0
    parent[b] = a
    for (let j = 0; j < n; j++) {
      if (!alive[j]) continue
      if (j === a || near[j] === a || near[j] === b) look(j)
      else if (d[j * n + a]! < nearD[j]!) ((near[j] = a), (nearD[j] = d[j * n + a]!))
    }
  }
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  const labels = new Int32Array(n)
  const ids = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const r = root(i)
    if (!ids.has(r)) ids.set(r, ids.size)
    labels[i] = ids.get(r)!
  }
  return labels
}
