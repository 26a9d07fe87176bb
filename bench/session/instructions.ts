// Instruction counts of the scan and of its floor, under valgrind's cachegrind (`--instructions` of
// bench:session). On this VM the same build's wall time moves by ±15 % from one minute to the next;
// the number of instructions a run executes does not move with load, so it is the figure that tells
// whether a change made the scan cheaper, and how much of it is node's own start. Node runs with
// --single-threaded (TurboFan's and the GC's work then counts on the one thread, as it is spread over
// threads otherwise), so these are the work done in all, not the main thread's share of the wall time.
import { spawnSync } from 'node:child_process'

export interface Instructions {
  /** What was counted, and its instructions (null: valgrind failed on it). */
  rows: Array<{ name: string; instructions: number | null }>
}

const VALGRIND = 'valgrind'

/** Why instructions cannot be counted here, or null when they can. */
export function noValgrindReason(): string | null {
  const probe = spawnSync(VALGRIND, ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? null : 'valgrind is not installed (apt-get install -y valgrind): no instruction counts'
}

/** Instructions one run of `command` executes (cachegrind's I refs), every thread together. */
function count(command: string, args: string[], env: NodeJS.ProcessEnv): number | null {
  const run = spawnSync(VALGRIND, ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', command, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 << 20 })
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '')
  return refs ? Number(refs[1]!.replace(/,/g, '')) : null
}

/**
 * The scan of `file` (`cli` is out/main/cli.js), a bare node start, `unzip -l` and `unzip -p` of the
 * metadata (`metadata`, the entries to inflate), each once; and, where this shell sets
 * NODE_EXTRA_CA_CERTS, the scan and the bare start again without it.
 */
export function countInstructions(cli: string, file: string, metadata: string[]): Instructions {
  const node = process.execPath
  const scan = [`--single-threaded`, cli, 'scan', '--json', '--no-hash', file]
  const bare = ['--single-threaded', '-e', '0']
  const rows: Instructions['rows'] = [
    { name: 'scan --json --no-hash', instructions: count(node, scan, process.env) },
    { name: 'a bare node start', instructions: count(node, bare, process.env) },
    { name: 'unzip -l', instructions: count('unzip', ['-l', file], process.env) },
    { name: 'unzip -p of the metadata', instructions: count('unzip', ['-p', file, ...metadata], process.env) }
  ]
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const env = { ...process.env }
    delete env.NODE_EXTRA_CA_CERTS
    rows.push({ name: 'scan, NODE_EXTRA_CA_CERTS unset', instructions: count(node, scan, env) })
    rows.push({ name: 'a bare node start, NODE_EXTRA_CA_CERTS unset', instructions: count(node, bare, env) })
  }
  return { rows }
}

/** One table: each count in millions, and the scan as a multiple of its floor (unzip -l + unzip -p + a bare start). */
export function instructionsTable(recordings: number, counted: Instructions): string {
  const of = (name: string) => counted.rows.find((r) => r.name === name)?.instructions ?? null
  const floorParts = [of('unzip -l'), of('unzip -p of the metadata'), of('a bare node start')]
  const floor = floorParts.every((x) => x !== null) ? floorParts.reduce((a, b) => a! + b!, 0)! : null
  const scan = of('scan --json --no-hash')
  const m = (x: number | null) => (x === null ? 'n/a' : `${(x / 1e6).toFixed(0)} M`)
  const body = counted.rows.map((r) => [r.name, m(r.instructions)])
  body.push(['floor: unzip -l + unzip -p + a bare node start', m(floor)])
  body.push(['scan / floor', scan !== null && floor ? `${(scan / floor).toFixed(1)}x` : 'n/a'])
  const header = [`instructions, ${recordings.toLocaleString('en-US')} recordings`, 'count']
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  return [line(header), `|${'-'.repeat(widths[0]! + 2)}|${'-'.repeat(widths[1]! + 1)}:|`, ...body.map(line)].join('\n')
}
