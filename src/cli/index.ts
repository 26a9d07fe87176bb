import { runCli } from './run'

const controller = new AbortController()
// The first Ctrl-C stops the scan cleanly (temp files removed, archive closed); a second one kills.
process.once('SIGINT', () => controller.abort())

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal }).then((code) => {
  process.exitCode = code
})
