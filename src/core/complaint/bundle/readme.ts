import { EXCERPTS_CLAIM } from './excerpts'
import type { Manifest } from './manifest-schema'
import { ROOT_FILE } from './names'

export interface ReadmeInput {
  manifest: Manifest
  manifestSha256: string
  /** The export's file name, shell-quoted in the commands (or a placeholder where quoting cannot make it safe). */
  archiveName: string
  /** Whether letters/ is part of the bundle. */
  letters: boolean
  excerpts: number
  sealed: boolean
  /**
   * The archives whose table of contents (a ZIP's central directory) was missing or damaged, so
   * their entries were recovered from local headers: null for the export itself, else the nested
   * archive's path. unzip may refuse those, so the README says so instead of promising its check.
   */
  recovered?: readonly (string | null)[]
}

/** Where unzip cannot follow: said plainly, so a reader whose unzip fails knows why and what reads it. */
function recoveredNote(r: ReadmeInput): string {
  const recovered = r.recovered ?? []
  if (recovered.length === 0) return ''
  const names = recovered.map((p) => (p === null ? `the export ${mdText(r.manifest.archive.name)}` : `${mdText(p)} (inside the export)`))
  const one = names.length === 1
  const list = one ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
  return `
Where unzip cannot follow: ${list} ${one ? 'has' : 'have'} a missing or damaged table of contents (the
ZIP central directory), as after an interrupted download or copy, so unzip may refuse ${one ? 'it' : 'them'} or list
less, and the commands above can fail there. Exportscope recovered ${one ? 'its' : 'their'} entries by reading ${one ? 'it' : 'them'} from the
start, and \`exportscope verify --against\` reads ${one ? 'it' : 'them'} the same way.${r.sealed ? " The flagged files' bytes are\nalso in sealed/." : ''}
`
}

/**
 * A word for a POSIX shell: single-quoted, each ' written as '\''. A name with control characters
 * (a newline would end the command a person pastes) or that is empty gets the placeholder instead.
 */
export function shellWord(text: string, placeholder: string): string {
  if (text === '' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return placeholder
  return `'${text.replace(/'/g, "'\\''")}'`
}

/** Text for a Markdown paragraph: no line breaks, no markup characters taken as markup. */
const mdText = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD').replace(/([\\`*_[\]<>|#])/g, '\\$1')

const SEALED_WARNING = `## WARNING: this bundle contains sealed originals

The folder sealed/ holds the original files of the flagged recordings: another person's voice and
words. Do not open them, copy them or pass them on except to the authority or the controller that
asked for them, over a secure channel (the authority's upload, encrypted e-mail). Keep one copy only,
encrypted at rest, and delete it (logging its SHA-256) once the authority confirms it is no longer
needed.

`

/** README.md inside the bundle: what it is, what it holds and leaves out, how anyone can check it, and what a check proves. */
export function bundleReadme(r: ReadmeInput): string {
  const m = r.manifest
  const multipart = m.archive.parts.length > 1
  const exportWord = multipart ? "'<first part of the export>'" : shellWord(r.archiveName, "'<the export>'")
  const partWord = multipart ? "'<part>'" : exportWord
  const archiveRow =
    m.archive.sha256 === null
      ? ''
      : `| archive.sha256 | the SHA-256 of the export's file${multipart ? "s (one line per part; the export's one hash is the SHA-256 of these digests, one per line)" : ''}, in sha256sum's format |\n`
  const range = m.summary.firstUtc ? ` between ${m.summary.firstUtc} and ${m.summary.lastUtc} (UTC)` : ''
  return `# Evidence bundle: recordings that are not the requester's

${r.sealed ? SEALED_WARNING : ''}This bundle documents that the export **${mdText(m.archive.name)}** (${m.archive.bytes.toLocaleString('en-US')} bytes,
${m.archive.sha256 === null ? 'an unpacked folder, so only its files have hashes' : `SHA-256 ${m.archive.sha256}`}) holds ${m.summary.audioEntries.toLocaleString('en-US')} audio files of
${m.summary.recordings.toLocaleString('en-US')} recordings${range} that belong to someone else.
It was made by ${m.tool}, offline, from the export as received; the export itself was only read,
never changed. The manifest is dated ${m.createdAt} (${m.createdFrom === 'marks' ? "the person's latest mark" : m.createdFrom === 'export' ? "the export's newest recording" : 'no time known'}), not by
the clock, so the same export and marks always give the same manifest.json; when this bundle was
written is the last line of custody-log.jsonl.

${m.unreadable.length > 0 ? `${m.unreadable.length} further flagged ${m.unreadable.length === 1 ? 'entry' : 'entries'} could not be read from the export (it is damaged there); manifest.json names ${m.unreadable.length === 1 ? 'it' : 'them'} under "unreadable", without a hash.

` : ''}SHA-256 of manifest.json: **${r.manifestSha256}**

## The root: ${ROOT_FILE}

${ROOT_FILE} lists the SHA-256 of every other file of this bundle except the letters. The letters
print the SHA-256 of ${ROOT_FILE} itself (\`sha256sum ${ROOT_FILE}\`), so a dated letter fixes every
file of the bundle: change one byte of any file and either its line in ${ROOT_FILE} or the root's
own hash no longer matches.

## What is in it

| file | what it holds |
|---|---|
| manifest.json | every flagged audio entry: its path in the export (nested archives as outer.zip!/inner/path), size, stored CRC-32, SHA-256 of its bytes, the archive's own time (local time of the machine that wrote the ZIP, no zone), the time in the export's data (UTC), the reasons, and the person's own mark and note; then the metadata files holding their rows |
| manifest.csv | the same as a table (every cell quoted; a ' stands before anything a spreadsheet could run as a formula) |
| manifest.sha256 | the SHA-256 of manifest.json, in sha256sum's format |
${archiveRow}| custody-log.jsonl | the chain of custody: one JSON line per action on the export (opened, hashed, marked, exported …), with time and tool |
| excerpts.txt | ${r.excerpts} short transcript excerpts, redacted (${EXCERPTS_CLAIM}) |
${r.sealed ? '| sealed/ | the original bytes of the flagged entries (see the warning above) |\n' : ''}| ${ROOT_FILE} | the root: the SHA-256 of every file above |
${r.letters ? `| letters/ | the letters made from this evidence, if any were made; each prints the SHA-256 of ${ROOT_FILE} |\n` : ''}
${r.sealed ? '' : `**No audio and no full transcript** of the other person is in this bundle. The hashes let the
controller confirm the files are its own without anyone passing the content on again. The originals
are kept sealed and can be handed over on request, over a secure channel.
`}
## How to verify it

With Exportscope:

    exportscope verify '<this bundle>.zip'
    exportscope verify '<this bundle>.zip' --against ${exportWord}
    exportscope verify '<this bundle>.zip' --root '<the SHA-256 printed in your letter>'

By hand, with sha256sum and unzip:

    unzip '<this bundle>.zip' -d bundle && cd bundle
    sha256sum ${ROOT_FILE}                # compare with the value the letter prints
    sha256sum -c ${ROOT_FILE}             # every file of the bundle is as written
    cd '<folder with the export>' && sha256sum -c '<path to the bundle folder>/archive.sha256'

Each entry listed in manifest.json can be checked against the export:

    unzip -p ${partWord} '<path from the manifest>' | sha256sum

For an entry inside a nested archive (path outer.zip!/inner/file.wav), extract outer.zip first
(unzip -p ${partWord} outer.zip > outer.zip) and read inner/file.wav from it.
${recoveredNote(r)}
## What "OK" means

A check that passes shows that the bundle is consistent with itself (every file matches its line
in ${ROOT_FILE}, the letters inside cite that root) and, with --against, that the export still holds
the listed bytes. It does not show by itself that nobody changed the bundle: whoever rewrites a
file and then ${ROOT_FILE} gets a bundle that is consistent again. That is caught only by the SHA-256
of ${ROOT_FILE} printed in the letters already sent: compare it (or give it to verify with --root).
`
}
