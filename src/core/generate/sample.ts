import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createSampleExport } from './index'

/** The committed sample's file name in resources/ (made by `npm run make-sample`). */
export const SAMPLE_FILE = 'sample-export.zip'

/**
 * The resources folder that holds the committed sample, found by walking up from this code:
 * the repository's resources/ for the sources, the CLI and the dev app (src/core/generate,
 * out/main[/chunks]), and <resourcesPath>/resources beside app.asar in a packaged app, where
 * electron-builder's extraResources puts it. Null when no copy is found.
 */
export function bundledSamplePath(from: string = __dirname): string | null {
  let dir = from
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'resources', SAMPLE_FILE)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return null
}

/**
 * The sample to open: the committed copy when the app or CLI ships one, else one made by the
 * generator on first use into `fallbackDir` (the same bytes). Made aside and renamed into place,
 * so a crash mid-write never leaves a broken sample behind.
 */
export async function samplePath(fallbackDir: string, bundled: string | null = bundledSamplePath()): Promise<string> {
  if (bundled) return bundled
  const target = join(fallbackDir, SAMPLE_FILE)
  if (existsSync(target)) return target
  await mkdir(fallbackDir, { recursive: true, mode: 0o700 })
  const scratch = await mkdtemp(join(fallbackDir, 'making-'))
  try {
    const made = await createSampleExport(join(scratch, SAMPLE_FILE))
    await rename(made.paths[0]!, target)
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return target
}
