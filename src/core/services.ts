import { platform as osPlatform } from 'node:os'
import type { Handlers } from '../shared/ipc/dispatch'
import { createArchiveHandlers } from './archive/handlers'
import type { Platform } from './platform'
import { appName, appVersion } from './version'

export interface Services {
  readonly handlers: Handlers
  dispose(): Promise<void>
}

/** The one object that implements every contract call; Electron main, the harness and tests share it. */
export function createServices(platform: Platform): Services {
  const archives = createArchiveHandlers(platform)
  const handlers: Handlers = {
    async appInfo() {
      return {
        name: appName,
        version: appVersion,
        home: platform.home,
        shell: platform.shell,
        platform: osPlatform(),
        sampleAvailable: false
      }
    },
    async chooseArchive({ kind }) {
      return { path: await platform.chooseArchive(kind) }
    },
    ...archives.handlers
  }
  return { handlers, dispose: () => archives.dispose() }
}
