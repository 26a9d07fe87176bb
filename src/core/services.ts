import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { platform as osPlatform } from 'node:os'
import { join } from 'node:path'
import type { Handlers } from '../shared/ipc/dispatch'
import { createArchiveHandlers } from './archive/handlers'
import { createSampleExport } from './generate'
import type { Platform } from './platform'
import { createReviewHandlers } from './review/handlers'
import { appName, appVersion } from './version'

export interface Services {
  readonly handlers: Handlers
  dispose(): Promise<void>
}

/** The sample is made by our own generator on first use, so no export ships inside the app. */
async function samplePath(home: string): Promise<string> {
  const dir = join(home, 'sample')
  const target = join(dir, 'sample-export.zip')
  if (existsSync(target)) return target
  // Made aside and renamed into place, so a crash mid-write never leaves a broken sample behind.
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const scratch = await mkdtemp(join(dir, 'making-'))
  try {
    const made = await createSampleExport(scratch)
    await rename(made.paths[0]!, target)
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return target
}

/** The one object that implements every contract call; Electron main, the harness and tests share it. */
export function createServices(platform: Platform): Services {
  // The review learns of each open, hash and close through the lifecycle, and reads what archives read.
  const review = createReviewHandlers(platform, (archiveId) => archives.readingOf(archiveId))
  const archives = createArchiveHandlers(platform, review.lifecycle)
  const handlers: Handlers = {
    async appInfo() {
      return {
        name: appName,
        version: appVersion,
        home: platform.home,
        shell: platform.shell,
        platform: osPlatform(),
        sampleAvailable: true
      }
    },
    async chooseArchive({ kind }) {
      return { path: await platform.chooseArchive(kind) }
    },
    async openSample({ jobId }) {
      return archives.openAndRead(await samplePath(platform.home), jobId)
    },
    ...archives.handlers,
    ...review.handlers
  }
  return {
    handlers,
    dispose: async () => {
      await archives.dispose()
      await review.dispose()
    }
  }
}
