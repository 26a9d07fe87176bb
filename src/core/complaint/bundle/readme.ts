import type { Manifest } from './manifest-schema'

export interface ReadmeInput {
  manifest: Manifest
  manifestSha256: string
  letters: readonly string[]
  excerpts: number
  sealed: boolean
}

const SEALED_WARNING = `## WARNING: this bundle contains sealed originals

The folder sealed/ holds the original files of the flagged recordings: another person's voice and
words. Do not open them, copy them or pass them on except to the authority or the controller that
asked for them, over a secure channel (the authority's upload, encrypted e-mail). Keep one copy only,
encrypted at rest, and delete it (logging its SHA-256) once the authority confirms it is no longer
needed.

`

/** README.md inside the bundle: what it is, what it holds and leaves out, and how anyone can check it. */
export function bundleReadme(r: ReadmeInput): string {
  const m = r.manifest
  const multipart = m.archive.parts.length > 1
  const archiveRow =
    m.archive.sha256 === null
      ? ''
      : `| archive.sha256 | the SHA-256 of the export's file${multipart ? "s (one line per part; the export's one hash is the SHA-256 of these digests, one per line)" : ''}, in sha256sum's format |\n`
  const range = m.summary.firstUtc ? ` between ${m.summary.firstUtc} and ${m.summary.lastUtc} (UTC)` : ''
  return `# Evidence bundle: recordings that are not the requester's

${r.sealed ? SEALED_WARNING : ''}This bundle documents that the export **${m.archive.name}** (${m.archive.bytes.toLocaleString('en-US')} bytes,
${m.archive.sha256 === null ? 'an unpacked folder, so only its files have hashes' : `SHA-256 ${m.archive.sha256}`}) holds ${m.summary.audioEntries.toLocaleString('en-US')} audio files of
${m.summary.recordings.toLocaleString('en-US')} recordings${range} that belong to someone else.
It was made by ${m.tool} on ${m.createdAt}, offline, from the export as received; the export
itself was only read, never changed.

${m.unreadable.length > 0 ? `${m.unreadable.length} further flagged entries could not be read from the export (it is damaged there); manifest.json names them under "unreadable", without a hash.

` : ''}SHA-256 of manifest.json: **${r.manifestSha256}**
(the letters print this value, so the dated letter fixes the manifest's content).

## What is in it

| file | what it holds |
|---|---|
| manifest.json | every flagged audio entry: its path in the export (nested archives as outer.zip!/inner/path), size, stored CRC-32, SHA-256 of its bytes, the archive's own time (local time of the machine that wrote the ZIP, no zone), the time in the export's data (UTC), the reasons, and the person's own mark and note; then the metadata files holding their rows |
| manifest.csv | the same as a table |
| manifest.sha256 | the SHA-256 of manifest.json, in sha256sum's format |
${archiveRow}| custody-log.jsonl | the chain of custody: one JSON line per action on the export (opened, hashed, marked, exported …), with time and tool |
| excerpts.txt | ${r.excerpts} short transcript excerpts, redacted: names, places, e-mail addresses, phone numbers, ids and serials removed (not covered) |
${r.letters.map((l) => `| ${l} | a letter made from this evidence |\n`).join('')}${r.sealed ? '| sealed/ | the original bytes of the flagged entries (see the warning above) |\n' : ''}| SHA256SUMS | the SHA-256 of every other file in this bundle |

${r.sealed ? '' : `**No audio and no full transcript** of the other person is in this bundle. The hashes let the
controller confirm the files are its own without anyone passing the content on again. The originals
are kept sealed and can be handed over on request, over a secure channel.
`}
## How to verify it

With Exportscope:

    exportscope verify ${'<this bundle>.zip'}
    exportscope verify ${'<this bundle>.zip'} --against ${multipart ? '<first part of the export>' : m.archive.name}

By hand, with sha256sum and unzip:

    unzip bundle.zip -d bundle && cd bundle
    sha256sum -c SHA256SUMS            # every file of the bundle is as written
    sha256sum -c manifest.sha256       # and compare the value with the one in the letter
    cd /folder/with/the/export && sha256sum -c /path/to/bundle/archive.sha256

Each entry listed in manifest.json can be checked against the export:

    unzip -p ${multipart ? '<part>' : `'${m.archive.name}'`} '<path from the manifest>' | sha256sum

For an entry inside a nested archive (path outer.zip!/inner/file.wav), extract outer.zip first
(unzip -p export.zip outer.zip > outer.zip) and read inner/file.wav from it.
`
}
