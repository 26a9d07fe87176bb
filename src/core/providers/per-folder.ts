/**
 * One answer per folder, for entries met in runs of one folder (100,000 clips of an export share a
 * few): `answer(norm, cut)` gives the answer for the folder `norm.slice(0, cut)`, and works it out
 * with `judge` only when the folder differs from the last one asked about.
 */
export function perFolder<T>(judge: (folder: string) => T): (norm: string, cut: number) => T {
  let folder: string | null = null
  let answer!: T
  return (norm, cut) => {
    if (folder === null || cut !== folder.length || !norm.startsWith(folder)) {
      folder = norm.slice(0, cut)
      answer = judge(folder)
    }
    return answer
  }
}
