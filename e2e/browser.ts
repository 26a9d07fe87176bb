import { existsSync } from 'node:fs'

export const CHROMIUM_PATH = process.env.EXPORTSCOPE_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for Debian's Chromium as root on a closed network (see shared/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--autoplay-policy=no-user-gesture-required'
]

/**
 * Chromium keeps only the last --disable-features, so CHROMIUM_ARGS's list replaces Playwright's,
 * and the browser's own Google services (network time, autofill, component updates, account
 * lookups) start calling out. Electron has none of them; the canary run turns them all off again so
 * what it records is the app's doing, not the test browser's.
 */
const BROWSER_SERVICES_OFF = [
  '--disable-features=Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,AutofillServerCommunication,AimEnabled,PreconnectToSearch,LensOverlay,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions',
  '--enable-features=SkipListAccountsWithoutGaiaCookies',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings'
]

/**
 * CHROMIUM_ARGS, plus (with `canaryPort`) every host name resolved to the loopback canary and every
 * proxied request sent to it, so any attempt to reach the internet lands there and is recorded.
 * The harness's own servers are on 127.0.0.1, which the rules and the proxy leave alone.
 */
export function chromiumArgs(options: { canaryPort?: number } = {}): string[] {
  if (options.canaryPort === undefined) return [...CHROMIUM_ARGS]
  const canary = `127.0.0.1:${options.canaryPort}`
  return [...CHROMIUM_ARGS, ...BROWSER_SERVICES_OFF, `--host-resolver-rules=MAP * ${canary}, EXCLUDE 127.0.0.1`, `--proxy-server=http://${canary}`]
}

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH)
export const noChromiumReason = `No browser at ${CHROMIUM_PATH}: install Debian's Chromium with 'apt-get install -y chromium' (never 'playwright install').`
