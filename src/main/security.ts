import type { Session, WebContents, WebPreferences } from 'electron'

/**
 * Every rule that keeps the window safe, as plain data and pure functions, so security.test.ts
 * checks each one without Electron. `applySecurity` is the only part that touches Electron objects.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'exportscope'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const MEDIA_SCHEME = 'exportscope-media'

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

const ownSchemes = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'devtools:', 'data:', 'blob:'])

/** Every request leaving the renderer passes here: anything not ours is cancelled, so nothing reaches a network. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (ownSchemes.has(parsed.protocol)) return parsed.protocol !== `${APP_SCHEME}:` || parsed.host === APP_HOST
  return Boolean(devServerUrl) && parsed.origin === new URL(devServerUrl!).origin
}

/** The window never navigates away from the app; in-page hash changes do not reach will-navigate. */
export function isAllowedNavigation(_url: string): boolean {
  return false
}

/** No permission (camera, microphone, notifications, geolocation, …) is ever granted. */
export function isPermissionGranted(_permission: string): boolean {
  return false
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
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerUrl) }))
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
