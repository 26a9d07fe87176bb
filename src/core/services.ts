import { platform as osPlatform } from 'node:os'
import { join } from 'node:path'
import type { Handlers } from '../shared/ipc/dispatch'
import type { ArchiveSummary } from '../shared/model/archive'
import { createArchiveHandlers } from './session/handlers'
import { bothLifecycles, createAudioHandlers, type AudioOptions, type MediaSource } from './audio/handlers'
import { createComplaintHandlers } from './complaint/handlers'
import { samplePath as resolveSample } from './generate/sample'
import type { Platform } from './platform'
import { PeaksPool } from './audio/pool/pool'
import { createReviewHandlers } from './review/handlers'
import { createPathTokens, type PathOrigin } from './session/path-tokens'
import { warmUp } from './session/warm'
import { createVoiceJobs } from './voices/background'
import { appName, appVersion } from './version'

export interface Services {
  readonly handlers: Handlers
  /** The host's media scheme (or loopback server) answers through this, for tokens the services issued. */
  readonly media: MediaSource
  /**
   * For the host only (never a contract call): a token for a path the person gave by a gesture the
   * host saw, such as a drop the preload resolved. The dialog grants its own through chooseArchive.
   */
  grantPath(path: string, origin: PathOrigin): string
  dispose(): Promise<void>
}

/** The committed resources/sample-export.zip; made by the generator into the app home only where no copy ships. */
const samplePath = (home: string): Promise<string> => resolveSample(join(home, 'sample'))

/** The one object that implements every contract call; Electron main, the harness and tests share it. */
export function createServices(platform: Platform, options: { audio?: AudioOptions } = {}): Services {
  // Voices are worked out only when the Voices panel asks, on one worker of their own.
  // Their progress and end are pushed to the renderer; once they are known the review judges again and pushes its verdicts.
  const voices = createVoiceJobs({
    home: platform.home,
    openedOf: (archiveId) => archives.openedOf(archiveId),
    newPool: () => new PeaksPool({ ...options.audio?.pool, size: 1 }),
    changed(archiveId, job) {
      platform.emit('voices.changed', { archiveId, status: job.status, done: job.done, total: job.total, error: job.error })
      if (job.status === 'ready') void review.voicesReady(archiveId).catch(() => undefined)
    }
  })
  // The review learns of each open, hash and close through the lifecycle, and judges through each export's session.
  const review = createReviewHandlers(platform, (archiveId) => archives.sessionOf(archiveId), { voices })
  const audio = createAudioHandlers(platform, (archiveId) => archives.readingOf(archiveId), options.audio)
  const archives = createArchiveHandlers(platform, bothLifecycles(review.lifecycle, audio.lifecycle, voices.lifecycle))
  const complaint = createComplaintHandlers(platform, {
    openedOf: archives.openedOf,
    caseOf: review.caseOf,
    recordCustody: review.recordCustody,
    closeArchive: (archiveId) => handlers.closeArchive({ archiveId })
  })
  const tokens = createPathTokens()
  /** The summary with the review as it opens: the renderer gets verdicts with the list, in one trip. */
  const withReview = async (opening: Promise<ArchiveSummary>): Promise<ArchiveSummary> => {
    const summary = await opening
    const t = performance.now()
    const state = await review.handlers.reviewState({ archiveId: summary.archiveId })
    // The answer's build time includes the review state (verdicts, counts) carried with it.
    const timings = summary.timings && { ...summary.timings, answer: summary.timings.answer + Math.round(performance.now() - t) }
    return { ...summary, review: state, ...(timings && { timings }) }
  }
  const handlers: Handlers = {
    async appInfo() {
      // The renderer asks once its window is up: the time the person takes to choose an export.
      warmUp()
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
      const path = await platform.chooseArchive(kind)
      return { path, token: path === null ? null : tokens.grant(path, 'dialog') }
    },
    openArchive: ({ token, jobId }) => withReview(archives.openAndRead(tokens.resolve(token), jobId)),
    openSample: async ({ jobId }) => withReview(archives.openAndRead(await samplePath(platform.home), jobId)),
    ...archives.handlers,
    ...review.handlers,
    ...complaint.handlers,
    ...audio.handlers,
    saveColumnMapping: (request) => withReview(archives.handlers.saveColumnMapping(request)),
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
    grantPath: (path, origin) => tokens.grant(path, origin),
    dispose: async () => {
      await archives.dispose()
      await review.dispose()
      await audio.dispose()
      await voices.dispose()
    }
  }
}
