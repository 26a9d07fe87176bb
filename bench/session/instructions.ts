// Instruction counts of the scan and of its floor, under valgrind's cachegrind (`--instructions` of
// bench:session). On this VM the same build's wall time moves by ±15 % from one minute to the next;
// the number of instructions a run executes does not move with load, so it is the figure that tells
// whether a change made the scan cheaper, and how much of it is node's own start. Node runs with
// --single-threaded (TurboFan's and the GC's work then counts on the one thread, as it is spread over
// threads otherwise), so these are the work done in all, not the main thread's share of the wall time.
import { spawnSync } from 'node:child_process'
import { envWithoutExtraCa } from '../archive/measure'
import { grid } from '../grid'

/** Instructions of each run (null: valgrind failed on it). */
export interface Instructions {
  scan: number | null
  bareStart: number | null
  unzipList: number | null
  unzipMeta: number | null
  /** The scan and the bare start again without NODE_EXTRA_CA_CERTS; null where this shell does not set it. */
  withoutCa: { scan: number | null; bareStart: number | null } | null
}

const VALGRIND = 'valgrind'

/** Why instructions cannot be counted here, or null when they can. */
export function noValgrindReason(): string | null {
  const probe = spawnSync(VALGRIND, ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? null : 'valgrind is not installed (apt-get install -y valgrind): no instruction counts'
}

/** Instructions one run of `command` executes (cachegrind's I refs), every thread together. */
function count(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number | null {
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
  const scan = ['--single-threaded', cli, 'scan', '--json', '--no-hash', file]
  const bare = ['--single-threaded', '-e', '0']
  const noCa = envWithoutExtraCa()
  return {
    scan: count(node, scan),
    bareStart: count(node, bare),
    unzipList: count('unzip', ['-l', file]),
    unzipMeta: count('unzip', ['-p', file, ...metadata]),
    withoutCa: noCa ? { scan: count(node, scan, noCa), bareStart: count(node, bare, noCa) } : null
  }
}

/** One table: each count in millions, and the scan as a multiple of its floor (unzip -l + unzip -p + a bare start). */
export function instructionsTable(recordings: number, c: Instructions): string {
  const floor = c.unzipList !== null && c.unzipMeta !== null && c.bareStart !== null ? c.unzipList + c.unzipMeta + c.bareStart : null
  const m = (x: number | null) => (x === null ? 'n/a' : `${(x / 1e6).toFixed(0)} M`)
  const body = [
    ['scan --json --no-hash', m(c.scan)],
    ['a bare node start', m(c.bareStart)],
    ['unzip -l', m(c.unzipList)],
    ['unzip -p of the metadata', m(c.unzipMeta)],
    ...(c.withoutCa
      ? [
          ['scan, NODE_EXTRA_CA_CERTS unset', m(c.withoutCa.scan)],
          ['a bare node start, NODE_EXTRA_CA_CERTS unset', m(c.withoutCa.bareStart)]
        ]
      : []),
    ['floor: unzip -l + unzip -p + a bare node start', m(floor)],
    ['scan / floor', c.scan !== null && floor ? `${(c.scan / floor).toFixed(1)}x` : 'n/a']
  ]
  return grid([`instructions, ${recordings.toLocaleString('en-US')} recordings`, 'count'], body)
}
