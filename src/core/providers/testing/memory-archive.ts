import { Readable } from 'node:stream'
import type { EntryInfo } from '../../../shared/model/archive'
import { entryKind } from '../../archive/kind'
import type { ArchiveEntry, OpenedArchive } from '../../archive/types'
import type { GenNode, GenTree } from '../../generate/tree'

interface MemoryEntry extends ArchiveEntry {
  bytes: Buffer
}

async function bytesOf(content: Extract<GenNode, { content: unknown }>['content']): Promise<Buffer> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8')
  if (Buffer.isBuffer(content)) return content
  const chunks: Buffer[] = []
  for await (const c of content()) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c))
  return Buffer.concat(chunks)
}

/**
 * An OpenedArchive over a generated tree, with nested ZIPs expanded as the archive engine names
 * them ('outer.zip!/inner'): lets provider tests run without writing or opening a ZIP.
 */
export async function memoryArchive(tree: GenTree, extra: Array<{ path: string; content: string | Buffer; part?: string }> = []): Promise<OpenedArchive> {
  const entries: MemoryEntry[] = []
  const localTime = tree.mtime.toISOString().slice(0, 19)
  const add = (path: string, part: string | null, bytes: Buffer) => {
    const info: EntryInfo = {
      path,
      part,
      size: bytes.length,
      compressedSize: bytes.length,
      crc32: null,
      localTime,
      method: 'stored',
      flags: 0,
      encrypted: false,
      unsafePath: false,
      kind: entryKind(path)
    }
    entries.push({ info, bytes })
  }
  const walk = async (nodes: readonly GenNode[], prefix: string, part: string | null) => {
    for (const node of nodes) {
      if ('zip' in node) await walk(node.zip, `${prefix}${node.path}!/`, part)
      else add(`${prefix}${node.path}`, part, await bytesOf(node.content))
    }
  }
  const multipart = tree.parts.length > 1
  for (const p of tree.parts) await walk(p.nodes, '', multipart ? p.name : null)
  for (const e of extra) add(e.path, e.part ?? null, Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content, 'utf8'))
  return {
    format: multipart ? 'multipart-zip' : 'zip',
    path: tree.parts[0]?.name ?? 'memory.zip',
    parts: tree.parts.map((p) => ({ path: p.name, bytes: 0 })),
    bytes: entries.reduce((n, e) => n + e.bytes.length, 0),
    entries,
    problems: [],
    fingerprint: 'memory',
    openEntry: async (entry, range) => {
      const bytes = (entry as MemoryEntry).bytes
      // Small pieces, so readers meet chunk boundaries as they do with real inflated streams.
      const slice = range ? bytes.subarray(range.start, range.end + 1) : bytes
      const pieces: Buffer[] = []
      for (let i = 0; i < slice.length; i += 1000) pieces.push(slice.subarray(i, i + 1000))
      return Readable.from(pieces)
    },
    close: async () => {}
  }
}
