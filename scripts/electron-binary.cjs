// Finds Electron's binary the way `require('electron')` would, but without its side effect: that
// require downloads the binary when it is missing, and the e2e spec only wants to know.
'use strict'
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const defaultPkgDir = join(__dirname, '..', 'node_modules', 'electron')

/** The executable's path inside a dist folder, as Electron's install.js names it. */
function platformPath(platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/**
 * `missing` says why there is no binary: `package` (npm install not run), `override` (ELECTRON_OVERRIDE_DIST_PATH
 * points at a folder without one) or `download` (the binary was never fetched, or its files are gone).
 * @returns {{ path: string } | { reason: string, missing: 'package' | 'override' | 'download' }}
 */
function findElectron(pkgDir = defaultPkgDir) {
  if (!existsSync(join(pkgDir, 'package.json'))) {
    return { missing: 'package', reason: 'the electron package is not installed (run npm install)' }
  }
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  // Same rule as electron's index.js: an override folder stands in for dist/, path.txt or not.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const full = join(override, relative || platformPath())
    return existsSync(full)
      ? { path: full }
      : { missing: 'override', reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary at ${full}` }
  }
  if (!relative) {
    const failed = lastFailure(pkgDir)
    return {
      missing: 'download',
      reason: failed
        ? `Electron's binary is not downloaded: the last attempt failed (${failed})`
        : "Electron's binary has not been downloaded yet (`npm start` fetches it on first use)"
    }
  }
  const full = join(pkgDir, 'dist', relative)
  return existsSync(full)
    ? { path: full }
    : { missing: 'download', reason: `Electron's binary is missing at ${full} (\`npm start\` fetches it again)` }
}

/** Where `npm start` notes why its last download failed, so a skipped e2e spec can say so. */
function failureNote(pkgDir = defaultPkgDir) {
  return join(pkgDir, 'download-failed.txt')
}

function lastFailure(pkgDir) {
  try {
    return readFileSync(failureNote(pkgDir), 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}

exports.findElectron = findElectron
exports.platformPath = platformPath
exports.defaultPkgDir = defaultPkgDir
exports.failureNote = failureNote
