import type { CentralResult } from './central'

const entries = (n: number, more = '') => (n === 1 ? `1 ${more}entry was` : `${n} ${more}entries were`)
const RECOVERED = 'recovered by reading the file from the start'
const CONTENTS = 'its table of contents (the central directory, kept at the end of a ZIP)'

/**
 * Why the central directory could not be used, as one sentence a person can act on. yauzl's own
 * words ("End of central directory record signature not found…") mean nothing to the person whose
 * export it is, so they are translated, not quoted.
 */
export function centralDirectoryDamage(central: CentralResult, nested: string | null, missingHeaders: number, recovered: number): string {
  const zip = nested ? `The ZIP ${nested} inside the export` : 'The ZIP'
  if (central.status === 'ok') {
    return `${zip} has a table of contents that points at ${missingHeaders === 1 ? '1 entry that is' : `${missingHeaders} entries that are`} not there, so ${entries(recovered)} ${RECOVERED}.`
  }
  if (central.status === 'damaged') {
    return `${zip} has a damaged table of contents after its first ${central.listed === 1 ? 'entry' : `${central.listed} entries`}, so ${entries(recovered, 'more ')} ${RECOVERED}.`
  }
  const cause = central.error.message
  if (/signature not found/i.test(cause)) return `${zip} ends early, as after an interrupted download or copy: ${CONTENTS} is missing, so ${entries(recovered)} ${RECOVERED}.`
  if (/multi-disk/i.test(cause)) return `${zip} is the last piece of a split ZIP (.z01, .z02, …) whose other pieces were not given, so ${entries(recovered)} ${RECOVERED}.`
  if (/comment length/i.test(cause)) return `${zip} has a damaged ending or extra bytes after it, so ${CONTENTS} could not be found and ${entries(recovered)} ${RECOVERED}.`
  return `${zip} has a damaged table of contents (the central directory), so ${entries(recovered)} ${RECOVERED}.`
}
