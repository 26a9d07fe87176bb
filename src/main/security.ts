import type { Session, WebContents, WebPreferences } from 'electron'

/**
 * Every rule that keeps the window safe, as plain data and pure functions, so security.test.ts
 * checks each one without Electron. `applySecurity` is the only part that touches Electron objects.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'exportscope'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const MEDIA_SCHEME = 'exportscope-media'

/** `devTools` only for the dev server: a packaged app has no inspector to open on a stranger's data. */
export function secureWebPreferences(preload: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload,
    devTools: options.devTools ?? false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // A middle click on a link would otherwise ask for a new window (denied anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false
  }
}

/** The CSP for the renderer: our own origin only; media from our media scheme (or the harness's server). */
export function contentSecurityPolicy(mediaSources: string[] = [`${MEDIA_SCHEME}:`]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // wavesurfer.js puts a <style> into its shadow root; styles cannot run code, scripts stay 'self'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `media-src 'self' ${mediaSources.join(' ')}`.trim(),
    // fetch() of a recording only for audio Node cannot decode (AAC): the renderer decodes it for its peaks.
    `connect-src 'self' ${mediaSources.join(' ')}`.trim(),
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

// data: and blob: never leave the process; everything else that is not our own scheme is a network.
const ownSchemes = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'data:', 'blob:'])

/**
 * Every request of the session passes here (`session.webRequest.onBeforeRequest`): anything that is
 * not our own scheme is cancelled, so nothing reaches a network. Only with the dev server may the
 * page load from it and open the inspector (devtools:); a packaged app has neither.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (ownSchemes.has(parsed.protocol)) return parsed.protocol !== `${APP_SCHEME}:` || parsed.host === APP_HOST
  if (!devServerUrl) return false
  return parsed.protocol === 'devtools:' || parsed.origin === new URL(devServerUrl).origin
}

/** The answer `onBeforeRequest` gives, as data, so the rule is tested exactly as Electron applies it. */
export function beforeRequest(details: { url: string }, devServerUrl?: string): { cancel: boolean } {
  return { cancel: !isAllowedRequest(details.url, devServerUrl) }
}

/** The window never navigates away from the app; in-page hash changes do not reach will-navigate. */
export function isAllowedNavigation(_url: string): boolean {
  return false
}

/**
 * Only writing plain text to the clipboard is granted (the complaint wizard's Copy buttons, for web
 * forms); camera, microphone, notifications, geolocation, clipboard reading and the rest never are.
 */
export function isPermissionGranted(permission: string): boolean {
  return permission === 'clipboard-sanitized-write'
}

/** Only our own top frame may call the contract. */
export function isTrustedSender(frame: { url: string; isTop: boolean } | null, devServerUrl?: string): boolean {
  if (!frame || !frame.isTop) return false
  try {
    const origin = new URL(frame.url).origin
    if (frame.url.startsWith(`${APP_ORIGIN}/`)) return true
    return Boolean(devServerUrl) && origin === new URL(devServerUrl!).origin
  } catch {
    return false
  }
}

export function applySecurity(session: Session, contents: WebContents, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)))
  session.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission))
  session.webRequest.onBeforeRequest((details, callback) => callback(beforeRequest(details, devServerUrl)))
  if (!devServerUrl) contents.on('devtools-opened', () => contents.closeDevTools())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
