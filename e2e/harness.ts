import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import type { AudioOptions } from '../src/core/audio/handlers'
import { createServices, type Services } from '../src/core/services'
import { contentSecurityPolicy } from '../src/main/security'
import { dispatch } from '../src/shared/ipc/dispatch'
import type { EventName, EventPayload } from '../src/shared/ipc/events'
import { events } from '../src/shared/ipc/events'
import { CALL_NAMES, EVENT_NAMES } from '../src/shared/ipc/names'
import { fail } from '../src/shared/ipc/result'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser'
import { servicesMedia, startMediaServer } from './media-server'
import { serveDirectory } from './static-server'

// EXPORTSCOPE_RENDERER_DIR lets parallel work test its own build (electron-vite build --outDir X).
export const RENDERER_DIR = process.env.EXPORTSCOPE_RENDERER_DIR ?? resolve(__dirname, '../out/renderer')

export interface HarnessOptions {
  colorScheme?: 'light' | 'dark'
  locale?: string
  viewport?: { width: number; height: number }
  /** EXPORTSCOPE_HOME for this run; a fresh temp folder when omitted. */
  home?: string
  /** Launch a browser of its own with these flags (e2e/browser.ts chromiumArgs), closed with the harness. */
  browserArgs?: string[]
  /** The engine's audio options (background: false leaves every decode to the person's clicks). */
  audio?: AudioOptions
}

export interface Harness {
  page: Page
  context: BrowserContext
  services: Services
  appUrl: string
  mediaOrigin: string
  mediaToken: string
  home: string
  /** What the next "Open export…" dialog answers (null = the person cancelled). */
  answerNextDialog(path: string | null): void
  /** What the next save dialog answers (a file or folder path; null = cancelled), and what each one asked. */
  answerNextSaveDialog(path: string | null): void
  saveDialogsAsked: Array<{ kind: 'file' | 'folder'; title: string; defaultName: string }>
  /** Lets a dropped file named `name` resolve to `path`, as webUtils.getPathForFile does in Electron. */
  allowDrop(name: string, path: string): Promise<void>
  close(): Promise<void>
}

let sharedBrowser: Browser | null = null
async function browser(): Promise<Browser> {
  sharedBrowser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  return sharedBrowser
}
export async function closeBrowser(): Promise<void> {
  await sharedBrowser?.close()
  sharedBrowser = null
}

/**
 * The app without Electron: the built renderer from loopback, and a window.exportscope whose calls
 * run the real core services in this Node process through the same dispatch as Electron main.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No built renderer at ${RENDERER_DIR}: run 'npm run build' first.`)
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'exportscope-home-'))
  const ownsHome = !options.home
  const dialogAnswers: Array<string | null> = []
  const saveAnswers: Array<string | null> = []
  const saveDialogsAsked: Harness['saveDialogsAsked'] = []
  // The stand-in for webUtils.getPathForFile: only names the test dropped have a path, as only real drops do in Electron.
  const dropPaths = new Map<string, string>()
  let page: Page | null = null

  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const checked = events[name].parse(payload)
    page?.evaluate(([n, p]) => (window as unknown as { __exportscopeEmit(n: string, p: unknown): void }).__exportscopeEmit(n, p), [name, checked] as const).catch(() => undefined)
  }
  const services = createServices({
    shell: 'harness',
    home,
    emit,
    // The loopback server below answers these through services.media, as the app's scheme does.
    mediaUrl: (token) => `${media.origin}/${media.token}/${encodeURIComponent(token)}`,
    async chooseArchive() {
      return dialogAnswers.length ? (dialogAnswers.shift() ?? null) : null
    },
    async chooseSavePath({ kind, title, defaultName }) {
      saveDialogsAsked.push({ kind, title, defaultName })
      return saveAnswers.length ? (saveAnswers.shift() ?? null) : null
    }
  }, { audio: options.audio })

  const media = await startMediaServer(servicesMedia(services.media, () => new URL(site.url).origin))
  const site = await serveDirectory(RENDERER_DIR, contentSecurityPolicy([media.origin]))
  const ownBrowser = options.browserArgs ? await chromium.launch({ executablePath: CHROMIUM_PATH, args: options.browserArgs, headless: true }) : null
  const context = await (ownBrowser ?? (await browser())).newContext({
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 820 },
    serviceWorkers: 'block'
  })
  page = await context.newPage()

  await page.exposeBinding('__exportscopeInvoke', async (source, name: unknown, payload: unknown) => {
    // Main's sender check, here: only the app's own top frame may call.
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(site.url)) {
      return fail('forbidden-sender', `The call ${String(name)} came from a frame that is not the app's own.`)
    }
    // One JSON string crosses CDP fast; Playwright's own serialisation of a page of 5,000 recordings
    // takes seconds, where Electron's structured clone takes milliseconds (the bridge parses it).
    // Through V8's structured clone first, as Electron's IPC sends an answer: what it drops (a
    // prototype's getters) or refuses (a function) must fail here too, not only in the app.
    return JSON.stringify(deserialize(serialize(await dispatch(services.handlers, name, payload))))
  })
  // The stand-in for the preload's drop channel: main grants a token for a dropped file's path, as registerDrops does.
  await page.exposeBinding('__exportscopeDrop', (source, name: unknown) => {
    if (source.frame !== source.page.mainFrame() || typeof name !== 'string') return null
    const path = dropPaths.get(name)
    return path ? { path, token: services.grantPath(path, 'drop') } : null
  })
  // Under tsx (npm run shot, bench:ui) esbuild's keepNames wraps named inner functions in
  // __name(...), a helper that exists only in Node: give the page a no-op one before any script.
  await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' })
  await page.addInitScript(
    ([calls, eventNames]) => {
      // As in Electron, where the preload runs only in the top frame (nodeIntegrationInSubFrames off).
      if (window !== window.top) return
      type Listener = (payload: unknown) => void
      const w = window as unknown as Record<string, unknown> & { __exportscopeInvoke(n: string, p: unknown): Promise<unknown>; __exportscopeDrop(name: string): Promise<unknown> }
      const listeners = new Map<string, Set<Listener>>()
      const bridge: Record<string, unknown> = {}
      for (const name of calls)
        bridge[name] = async (request: unknown) => {
          const answer = await w.__exportscopeInvoke(name, request ?? {})
          return typeof answer === 'string' ? (JSON.parse(answer) as unknown) : answer
        }
      bridge.on = (event: string, listener: Listener) => {
        if (!eventNames.includes(event) || typeof listener !== 'function') return () => {}
        const set = listeners.get(event) ?? new Set<Listener>()
        listeners.set(event, set)
        set.add(listener)
        return () => set.delete(listener)
      }
      bridge.tokenForFile = async (file: unknown) => (file instanceof File ? w.__exportscopeDrop(file.name) : null)
      Object.defineProperty(window, 'exportscope', { value: Object.freeze(bridge), enumerable: true })
      Object.defineProperty(window, '__exportscopeEmit', {
        value: (name: string, payload: unknown) => listeners.get(name)?.forEach((fn) => fn(payload))
      })
    },
    [CALL_NAMES as readonly string[], EVENT_NAMES as readonly string[]] as const
  )
  await page.goto(`${site.url}/index.html`)

  return {
    page,
    context,
    services,
    appUrl: site.url,
    mediaOrigin: media.origin,
    mediaToken: media.token,
    home,
    answerNextDialog: (path) => void dialogAnswers.push(path),
    answerNextSaveDialog: (path) => void saveAnswers.push(path),
    saveDialogsAsked,
    allowDrop: async (name, path) => void dropPaths.set(name, path),
    async close() {
      await context.close().catch(() => undefined)
      await ownBrowser?.close()
      await services.dispose()
      await new Promise((r) => site.server.close(r))
      await new Promise((r) => media.server.close(r))
      // Audio may still be writing a waveform into the cache as it closes: retry a folder that filled meanwhile.
      if (ownsHome) rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
    }
  }
}
