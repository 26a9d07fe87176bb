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

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH)
export const noChromiumReason = `No browser at ${CHROMIUM_PATH}: install Debian's Chromium with 'apt-get install -y chromium' (never 'playwright install').`
