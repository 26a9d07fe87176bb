import { platform as osPlatform } from 'node:os'
import { join } from 'node:path'
import type { Handlers } from '../shared/ipc/dispatch'
import { createArchiveHandlers } from './archive/handlers'
import { bothLifecycles, createAudioHandlers, type AudioOptions, type MediaSource } from './audio/handlers'
import { createComplaintHandlers } from './complaint/handlers'
import { samplePath as resolveSample } from './generate/sample'
import type { Platform } from './platform'
import { PeaksPool } from './audio/pool/pool'
import { createReviewHandlers } from './review/handlers'
import { createVoiceJobs } from './voices/background'
import { appName, appVersion } from './version'

export interface Services {
  readonly handlers: Handlers
  /** The host's media scheme (or loopback server) answers through this, for tokens the services issued. */
  readonly media: MediaSource
  dispose(): Promise<void>
}

/** The committed resources/sample-export.zip; made by the generator into the app home only where no copy ships. */
const samplePath = (home: string): Promise<string> => resolveSample(join(home, 'sample'))

/** The one object that implements every contract call; Electron main, the harness and tests share it. */
export function createServices(platform: Platform, options: { audio?: AudioOptions } = {}): Services {
  // The review learns of each open, hash and close through the lifecycle, and reads what archives read.
  // Voices are worked out only when the Voices panel asks, on one worker of their own.
  const voices = createVoiceJobs({ home: platform.home, openedOf: (archiveId) => archives.openedOf(archiveId), newPool: () => new PeaksPool({ ...options.audio?.pool, size: 1 }) })
  const review = createReviewHandlers(platform, (archiveId) => archives.readingOf(archiveId), { voices })
  const audio = createAudioHandlers(platform, (archiveId) => archives.readingOf(archiveId), options.audio)
  const archives = createArchiveHandlers(platform, bothLifecycles(review.lifecycle, audio.lifecycle, voices.lifecycle))
  const complaint = createComplaintHandlers(platform, {
    openedOf: archives.openedOf,
    caseOf: review.caseOf,
    recordCustody: review.recordCustody,
    closeArchive: (archiveId) => handlers.closeArchive({ archiveId })
  })
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
    ...review.handlers,
    ...complaint.handlers,
    ...audio.handlers,
    // One cancel for every job: opening an export, or saving letters or a bundle.
    async cancelJob({ jobId }) {
      const opening = await archives.handlers.cancelJob({ jobId })
      return opening.cancelled ? opening : { cancelled: complaint.cancel(jobId) }
    },
    async closeArchive({ archiveId }) {
      complaint.forget(archiveId)
      return archives.handlers.closeArchive({ archiveId })
    }
  }
  return {
    handlers,
    media: audio.media,
    dispose: async () => {
      await archives.dispose()
      await review.dispose()
      await audio.dispose()
      await voices.dispose()
    }
  }
}
