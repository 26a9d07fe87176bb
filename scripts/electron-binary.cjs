// Finds Electron's binary without `require('electron')`, which tries to download it when missing.
'use strict'
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const pkgDir = join(__dirname, '..', 'node_modules', 'electron')

/** @returns {{ path: string } | { reason: string }} */
function findElectron() {
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(join(pkgDir, 'package.json'))) return { reason: 'the electron package is not installed (run npm install)' }
  if (!existsSync(pathFile)) {
    return { reason: "Electron's binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download is blocked)" }
  }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist')
  const full = join(base, relative)
  return existsSync(full) ? { path: full } : { reason: `Electron's binary is missing at ${full}` }
}

exports.findElectron = findElectron
