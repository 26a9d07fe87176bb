import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import { bytesOf, type GenNode, type GenTree } from './tree'

// Audio barely deflates; storing it keeps writing fast and matches how exports often pack media.
const STORED = /\.(wav|mp3|opus|ogg|m4a|zip)$/i

function zipOf(nodes: readonly GenNode[], mtime: Date): ZipFile {
  const zip = new ZipFile()
  for (const node of nodes) {
    const options = { mtime, mode: 0o100644, compress: !STORED.test(node.path) }
    if ('zip' in node) {
      const inner = zipOf(node.zip, mtime)
      const through = new PassThrough()
      inner.outputStream.pipe(through)
      zip.addReadStream(through, node.path, options)
    } else if (typeof node.content === 'function') {
      zip.addReadStream(node.content(), node.path, options)
    } else {
      zip.addBuffer(bytesOf(node.content), node.path, options)
    }
  }
  zip.end()
  return zip
}

/** Writes each part as a ZIP beside the others in `dir`, streaming: memory stays flat for big parts. */
export async function writeZipParts(tree: GenTree, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const written: string[] = []
  for (const part of tree.parts) {
    const path = join(dir, part.name)
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    const zip = zipOf(part.nodes, tree.mtime)
    const out = createWriteStream(path)
    await Promise.all([pipeline(zip.outputStream, out), once(out, 'close')])
    written.push(path)
  }
  return written
}
