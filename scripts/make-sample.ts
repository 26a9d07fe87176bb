// `npm run make-sample`: writes resources/sample-export.zip (and its truth file) with the generator.
// The same bytes every run, so the committed copy can be checked against this script (sample.test.ts).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createSampleExport } from '../src/core/generate'
import { SAMPLE_FILE } from '../src/core/generate/sample'

async function main(): Promise<void> {
  const target = join(__dirname, '..', 'resources', SAMPLE_FILE)
  const made = await createSampleExport(target)
  const c = made.truth.counts
  process.stdout.write(`${target} (${(await stat(target)).size} bytes): ${c.recordings} recordings (${c.foreign} foreign), ${c.devices} devices (${c.registeredDevices} registered)\n${made.truthPath}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
