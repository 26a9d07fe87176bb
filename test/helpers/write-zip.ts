import { createWriteStream } from 'node:fs'
import { ZipFile } from 'yazl'

/** A small ZIP for CLI tests; the archive engine's own generator covers the broken and exotic kinds. */
export function writeZip(file: string, entries: Record<string, string | Buffer>): Promise<void> {
  const zip = new ZipFile()
  for (const [name, data] of Object.entries(entries)) zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, { mtime: new Date(2018, 11, 1, 10, 0, 0) })
  zip.end()
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(file)).on('finish', resolve).on('error', reject)
  })
}
