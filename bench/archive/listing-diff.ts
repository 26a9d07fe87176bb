// `tsx bench/archive/listing-diff.ts OLD_SRC [EXPORT.zip…]`: opens hostile ZIPs (made here by byte
// surgery, as the tests make them) and any exports given with openArchive of this tree and of an
// older copy of src/ (e.g. `git archive REV src | tar -x -C .tmp/old`), and compares everything a
// listing decides: each entry's info, where its data starts, whether its header waits for its first
// read, why it is refused, every problem in order, the fingerprint, and the outcome of reading each
// entry of the small archives (a hash of its bytes or the error). Prints one line per archive and
// exits 1 when any differ. For changes to the listing that must not change what it finds.
import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { manyEntriesZip, renameBytes, setCentralOffset, setField, threeEntries, workDir, zipBomb, zipBuffer, zipLayout } from '../../test/fixtures/archives'

type Open = typeof import('../../src/core/archive').openArchive
const load = async (src: string): Promise<Open> => ((await import(resolve(src, 'core/archive/index.ts'))) as typeof import('../../src/core/archive')).openArchive

/** What one archive's listing decided, as comparable JSON. */
async function dump(open: Open, path: string, readEntries: boolean): Promise<string> {
  let archive
  try {
    archive = await open(path)
  } catch (err) {
    return JSON.stringify({ openError: (err as Error).message })
  }
  try {
    const entries = []
    for (const e of archive.entries) {
      const z = e as unknown as { localOffset?: number; dataStart?: number | null; checkLater?: boolean; refused?: Error | null }
      let read: string | undefined
      if (readEntries) {
        try {
          const hash = createHash('sha256')
          for await (const c of await archive.openEntry(e)) hash.update(c as Buffer)
          read = hash.digest('hex').slice(0, 16)
        } catch (err) {
          read = `error: ${(err as Error).message}`
        }
      }
      entries.push({ info: e.info, localOffset: z.localOffset, dataStart: z.dataStart, checkLater: z.checkLater, refused: z.refused?.message ?? null, read })
    }
    // Problems found on a read (deferred header checks) join the list handed out at open.
    return JSON.stringify({ format: archive.format, fingerprint: archive.fingerprint, entries, problems: archive.problems })
  } finally {
    await archive.close()
  }
}

async function hostile(dir: (name: string) => string): Promise<string[]> {
  const audio = randomBytes(100_000)
  const text = 'the quick brown fox '.repeat(5000)
  const three = threeEntries(audio, text)
  const made: Array<[string, Buffer]> = []
  const buf = await three()
  made.push(['plain', buf])
  const b = zipLayout(buf).entries[1]!
  made.push(['cut-middle', buf.subarray(0, b.data + Math.floor(b.compressedSize / 2))])
  made.push(['no-directory-streamed', (await three(true)).subarray(0, zipLayout(await three(true)).centralStart)])
  const broken = Buffer.from(buf)
  broken.write('XX', zipLayout(broken).entries[1]!.central, 'latin1')
  made.push(['directory-breaks-off', broken])
  made.push(['lying-offset', setCentralOffset(buf, 'b.json', 7)])
  made.push(['lying-size', setField(buf, 'b.json', 'compressedSize', 90_000, 'central')])
  made.push(['size-and-offset', setCentralOffset(setField(buf, 'b.json', 'compressedSize', 90_000, 'central'), 'c.txt', 3)])
  made.push(['past-end', setField(buf, 'c.txt', 'compressedSize', 50_000_000)])
  made.push(['wrong-crc', setField(buf, 'b.json', 'crc32', 0x12345678)])
  made.push(['encrypted', setField(buf, 'b.json', 'flags', 0x801)])
  made.push(['methods', setField(setField(buf, 'b.json', 'method', 14), 'c.txt', 'method', 99)])
  const shared = await zipBuffer([
    { name: 'one.txt', data: 'same bytes' },
    { name: 'two.txt', data: 'same bytes' },
    { name: 'ok.txt', data: 'fine' }
  ])
  made.push(['overlap', setCentralOffset(shared, 'two.txt', zipLayout(shared).entries[0]!.local)])
  const audioOverlap = await zipBuffer([
    { name: 'x/1.wav', data: audio, compress: false },
    { name: 'x/2.wav', data: audio, compress: false },
    { name: 'x/3.wav', data: audio, compress: false }
  ])
  made.push(['overlap-stored-audio', setCentralOffset(audioOverlap, 'x/2.wav', zipLayout(audioOverlap).entries[0]!.local)])
  made.push(['stored-audio-size-lie', setField(audioOverlap, 'x/2.wav', 'compressedSize', 99_000, 'local')])
  const nameLie = Buffer.from(audioOverlap)
  nameLie.write('y', zipLayout(nameLie).entries[2]!.local + 30, 'latin1')
  made.push(['stored-audio-name-lie', nameLie])
  made.push(['duplicates', await zipBuffer([
    { name: 'd/a.wav', data: audio, compress: false },
    { name: 'd/b.txt', data: 'b' },
    { name: 'd/a.wav', data: audio.subarray(0, 5000), compress: false },
    { name: 'd/b.txt', data: 'bb' },
    { name: 'd/b.txt', data: 'bbb' }
  ])])
  let names = await zipBuffer([
    { name: 'GrXYe.txt', data: '1' },
    { name: 'dir|file.txt', data: '2' },
    { name: 'xx/evil.wav', data: 'evil' },
    { name: 'xabs.wav', data: 'abs' },
    { name: 'Cxxwin.wav', data: 'win' },
    { name: 'ctlXctl.txt', data: 'ctl' },
    { name: 'Ünïcödé/ß.wav', data: 'utf8', compress: false },
    { name: '__MACOSX/a/._x.wav', data: 'apple' },
    { name: 'UPPER.WAV', data: 'up', compress: false },
    { name: 'noext', data: 'n' },
    { name: 'dirX', data: '' }
  ])
  names = renameBytes(names, 'GrXYe', Buffer.from([0x47, 0x72, 0x81, 0xe1, 0x65]))
  names = renameBytes(names, 'dir|file', 'dir\\file')
  names = setField(setField(names, 'Gr\u0081\u00e1e.txt'.replace(/[\u0081\u00e1]/g, '\ufffd'), 'flags', 0), 'dir\\file.txt', 'flags', 0)
  names = renameBytes(names, 'xx/evil', '../evil')
  names = renameBytes(names, 'xabs', '/abs')
  names = renameBytes(names, 'Cxxwin', 'C:\\win')
  names = renameBytes(names, 'ctlXctl', 'ctl\x1bctl')
  names = renameBytes(names, 'dirX', 'dir/')
  made.push(['names', names])
  made.push(['zip64', await zipBuffer([{ name: 'a.wav', data: audio, compress: false }, { name: 'b.txt', data: text }], { zip64: true })])
  const inner = await zipBuffer([{ name: 'in/a.wav', data: audio, compress: false }, { name: 'in/b.txt', data: text }])
  made.push(['nested', await zipBuffer([{ name: 'outer.txt', data: 'o' }, { name: 'inner.zip', data: inner, compress: false }, { name: 'deflated.zip', data: inner }])])
  const paths = made.map(([name]) => dir(`${name}.zip`))
  await Promise.all(made.map(([, b], i) => writeFile(paths[i]!, b)))
  await zipBomb(dir('bomb.zip'), 50 * 1024 * 1024)
  await manyEntriesZip(dir('many.zip'), 70_000)
  return [...paths, dir('bomb.zip'), dir('many.zip')]
}

async function main(): Promise<void> {
  const [oldSrc, ...exports] = process.argv.slice(2)
  if (!oldSrc) {
    process.stderr.write('usage: tsx bench/archive/listing-diff.ts OLD_SRC [EXPORT.zip…]\n')
    process.exit(2)
  }
  const [before, after] = [await load(oldSrc), await load(resolve(__dirname, '../../src'))]
  const work = await workDir()
  let differ = 0
  try {
    const small = await hostile(work.path)
    for (const [path, readEntries] of [...small.map((p) => [p, !p.endsWith('many.zip')] as const), ...exports.map((p) => [p, false] as const)]) {
      const [a, b] = [await dump(before, path, readEntries), await dump(after, path, readEntries)]
      const same = a === b
      if (!same) differ++
      const seen = JSON.parse(a) as { entries?: Array<{ refused: string | null }>; problems?: Array<{ kind: string }>; openError?: string }
      const what = seen.openError ?? `${seen.entries!.length} entries, ${seen.entries!.filter((e) => e.refused).length} refused, problems: ${[...new Set(seen.problems!.map((p) => p.kind))].join(' ') || 'none'}`
      process.stdout.write(`${same ? 'same     ' : 'DIFFERENT'} ${basename(path)}: ${what}\n`)
    }
  } finally {
    await work.done()
  }
  process.stdout.write(differ ? `${differ} listing(s) differ\n` : 'every listing is the same\n')
  process.exit(differ ? 1 : 0)
}

void main()
