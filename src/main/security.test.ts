import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  MEDIA_SCHEME,
  beforeRequest,
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  isTrustedSender,
  secureWebPreferences
} from './security'

describe('the window is created with every secure option', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.js')
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
    ['disableBlinkFeatures', 'Auxclick']
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value)
  })
  it('loads our preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures')
    expect(Object.keys(prefs)).not.toContain('additionalArguments')
  })
  it('opens the inspector only when asked (the dev server)', () => {
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true)
  })
})

describe('the content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy()
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values])
  )
  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
  })
  it('names no remote origin anywhere', () => {
    for (const [, values] of directives) for (const v of values) expect(v).not.toMatch(/^(https?:|wss?:|\*)/)
  })
  it('allows media only from our media scheme', () => {
    expect(directives.get('media-src')).toEqual(["'self'", `${MEDIA_SCHEME}:`])
  })
  it('never allows eval or inline scripts', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'")
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
  })
})

describe('network requests', () => {
  it.each([
    `${APP_ORIGIN}/index.html`,
    `${APP_ORIGIN}/assets/index.js`,
    `${MEDIA_SCHEME}://media/r1`,
    'data:image/png;base64,AA==',
    'blob:app://exportscope/0d8f'
  ])('allows our own %s', (url) => expect(isAllowedRequest(url)).toBe(true))
  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'wss://tracker.example/',
    'ws://127.0.0.1:9222/devtools/browser',
    'file:///etc/passwd',
    'devtools://devtools/bundled/x.html',
    'chrome-extension://abcdefghijklmnop/x.js',
    'chrome://settings',
    'https://fonts.googleapis.com/css2?family=Inter',
    'https://update.electronjs.org/exportscope/linux/0.1.0',
    'app://elsewhere/index.html',
    'ftp://x/',
    'not a url'
  ])('cancels %s', (url) => expect(isAllowedRequest(url)).toBe(false))
  it('allows the dev server only when one is given', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAllowedRequest('devtools://devtools/bundled/x.html', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('https://example.com/', 'http://localhost:5173')).toBe(false)
  })
  it('onBeforeRequest cancels exactly what the rule refuses', () => {
    expect(beforeRequest({ url: `${APP_ORIGIN}/index.html` })).toEqual({ cancel: false })
    expect(beforeRequest({ url: `${MEDIA_SCHEME}://media/r1?t=1` })).toEqual({ cancel: false })
    expect(beforeRequest({ url: 'https://example.com/beacon' })).toEqual({ cancel: true })
  })
  it('cancels any URL that is not one of our schemes (fast-check)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https', 'ws', 'wss', 'ftp', 'file'], withQueryParameters: true, withFragments: true }), (url) => {
        expect(beforeRequest({ url })).toEqual({ cancel: true })
      }),
      { numRuns: 100 }
    )
  })
})

describe('navigation, permissions and senders', () => {
  it('never navigates', () => {
    for (const url of ['https://example.com', `${APP_ORIGIN}/other.html`, 'file:///tmp/x.html']) expect(isAllowedNavigation(url)).toBe(false)
  })
  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'clipboard']) expect(isPermissionGranted(p)).toBe(false)
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true)
  })
  it('trusts only the app top frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isTop: true })).toBe(true)
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isTop: false })).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isTop: true })).toBe(false)
    expect(isTrustedSender({ url: 'app://exportscope.evil/index.html', isTop: true })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTop: true }, 'http://localhost:5173')).toBe(true)
  })
})
