import { parse as parseCsvSync } from 'csv-parse/sync'
import { openArchive } from '../../src/core/archive'
import { readExport } from '../../src/core/providers'

/**
 * One measurement in a process of its own, so its peak RSS is its own:
 * `case.ts providers <zip>` reads the export (`providers-warm`: twice, timing the second);
 * `case.ts baseline <zip> <entry>` reads one entry whole
 * and parses it in one go (JSON.parse or csv-parse's sync API).
 */
async function main(): Promise<void> {
  const [mode, path, entryPath] = process.argv.slice(2)
  const archive = await openArchive(path!, {})
  let started = performance.now()
  let count = 0
  let coldMs: number | null = null
  if (mode === 'providers' || mode === 'providers-warm') {
    count = (await readExport(archive)).recordings.length
    if (mode === 'providers-warm') {
      // The first pass pays for loading and compiling modules; the second is the parse itself.
      coldMs = performance.now() - started
      started = performance.now()
      count = (await readExport(archive)).recordings.length
    }
  } else {
    const entry = archive.entries.find((e) => e.info.path === entryPath)
    if (!entry) throw new Error(`no entry ${entryPath}`)
    const chunks: Buffer[] = []
    for await (const c of await archive.openEntry(entry)) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    if (entryPath!.endsWith('.html')) {
      const { parseDocument, DomUtils } = await import('htmlparser2')
      count = DomUtils.getElements({ class: (c) => /\bouter-cell\b/.test(c ?? '') }, parseDocument(text).children, true).length
    } else count = entryPath!.endsWith('.json') ? (JSON.parse(text) as unknown[]).length : (parseCsvSync(text, { bom: true, relax_column_count: true }) as unknown[]).length - 1
  }
  const ms = performance.now() - started
  await archive.close()
  process.stdout.write(JSON.stringify({ ms, coldMs: coldMs ?? ms, count, rssMb: process.resourceUsage().maxRSS / 1024 }))
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
