import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { createServices, type Services } from '../src/core/services'
import { contentSecurityPolicy } from '../src/main/security'
import { dispatch } from '../src/shared/ipc/dispatch'
import type { EventName, EventPayload } from '../src/shared/ipc/events'
import { events } from '../src/shared/ipc/events'
import { CALL_NAMES, EVENT_NAMES } from '../src/shared/ipc/names'
import { fail } from '../src/shared/ipc/result'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser'
import { startMediaServer } from './media-server'
import { serveDirectory } from './static-server'

// EXPORTSCOPE_RENDERER_DIR lets parallel work test its own build (electron-vite build --outDir X).
export const RENDERER_DIR = process.env.EXPORTSCOPE_RENDERER_DIR ?? resolve(__dirname, '../out/renderer')

export interface HarnessOptions {
  colorScheme?: 'light' | 'dark'
  locale?: string
  viewport?: { width: number; height: number }
  /** EXPORTSCOPE_HOME for this run; a fresh temp folder when omitted. */
  home?: string
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
  let page: Page | null = null

  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const checked = events[name].parse(payload)
    page?.evaluate(([n, p]) => (window as unknown as { __exportscopeEmit(n: string, p: unknown): void }).__exportscopeEmit(n, p), [name, checked] as const).catch(() => undefined)
  }
  const services = createServices({
    shell: 'harness',
    home,
    emit,
    async chooseArchive() {
      return dialogAnswers.length ? (dialogAnswers.shift() ?? null) : null
    }
  })

  const media = await startMediaServer(null)
  const site = await serveDirectory(RENDERER_DIR, contentSecurityPolicy([media.origin]))
  const context = await (await browser()).newContext({
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
    return dispatch(services.handlers, name, payload)
  })
  await page.addInitScript(
    ([calls, eventNames]) => {
      // As in Electron, where the preload runs only in the top frame (nodeIntegrationInSubFrames off).
      if (window !== window.top) return
      type Listener = (payload: unknown) => void
      const w = window as unknown as Record<string, unknown> & { __exportscopeInvoke(n: string, p: unknown): Promise<unknown> }
      const listeners = new Map<string, Set<Listener>>()
      const dropPaths = new Map<string, string>()
      const bridge: Record<string, unknown> = {}
      for (const name of calls) bridge[name] = (request: unknown) => w.__exportscopeInvoke(name, request ?? {})
      bridge.on = (event: string, listener: Listener) => {
        if (!eventNames.includes(event) || typeof listener !== 'function') return () => {}
        const set = listeners.get(event) ?? new Set<Listener>()
        listeners.set(event, set)
        set.add(listener)
        return () => set.delete(listener)
      }
      bridge.pathForFile = (file: unknown) => (file instanceof File ? (dropPaths.get(file.name) ?? '') : '')
      Object.defineProperty(window, 'exportscope', { value: Object.freeze(bridge), enumerable: true })
      Object.defineProperty(window, '__exportscopeEmit', {
        value: (name: string, payload: unknown) => listeners.get(name)?.forEach((fn) => fn(payload))
      })
      Object.defineProperty(window, '__exportscopeAllowDrop', { value: (name: string, path: string) => dropPaths.set(name, path) })
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
    allowDrop: async (name, path) => {
      await page!.evaluate(([n, p]) => (window as unknown as { __exportscopeAllowDrop(n: string, p: string): void }).__exportscopeAllowDrop(n, p), [name, path] as const)
    },
    async close() {
      await context.close().catch(() => undefined)
      await services.dispose()
      await new Promise((r) => site.server.close(r))
      await new Promise((r) => media.server.close(r))
      if (ownsHome) rmSync(home, { recursive: true, force: true })
    }
  }
}
