import { runCli } from './run'
import type { CliStream } from './io'

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
