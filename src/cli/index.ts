import { runCli } from './run'
import type { CliStream } from './io'

// No V8 heap flags are set here: v8.setFlagsFromString('--max-semi-space-size=…') at this point comes
// after the heap is made and changes nothing (same new-space size, same 23 scavenges in a 100,000-
// recording scan). Given on node's command line it takes effect, at +20-25 MB peak RSS at 100,000
// recordings and +40 MB at 300,000; a Worker with resourceLimits cost +40 MB for no gain (issue 15).
const controller = new AbortController()
// The first Ctrl-C stops the scan cleanly (temp files removed, archive closed); a second one kills.
process.once('SIGINT', () => controller.abort())

// A reader that stops early (`scan --json | head`) closes the pipe. That is its right, not our
// failure: stop the work as a Ctrl-C would and exit 0 without a word, as `cat` and `grep` do.
let readerGone = false
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
  readerGone = true
  controller.abort()
})
const stderr: CliStream = {
  write: (text: string) => readerGone || process.stderr.write(text),
  get isTTY() {
    return process.stderr.isTTY
  },
  get columns() {
    return process.stderr.columns
  }
}

runCli(process.argv.slice(2), { stdout: process.stdout, stderr, env: process.env, signal: controller.signal }).then((code) => {
  process.exitCode = readerGone ? 0 : code
})
