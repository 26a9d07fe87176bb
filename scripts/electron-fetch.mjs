// Obtains Electron's binary when it is missing, through Electron's own tooling: @electron/get (as the
// electron package resolves it) fetches the zip, honouring ELECTRON_MIRROR, its cache and Electron's
// published checksums; then electron's install.js unpacks it from that cache and writes path.txt.
// We fetch first ourselves only to say what is fetched, from where, into which cache, and — when it
// fails — the real reason in one line (install.js alone prints a stack that says "fetch failed").
import { spawnSync } from 'node:child_process'
import { createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mkdir } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import electronBinary from './electron-binary.cjs'
import { downloadFailure } from './electron-failure.mjs'

const { findElectron, failureNote } = electronBinary

/** No byte for this long means the connection is dead: fail instead of hanging. */
const STALL_MS = Number(process.env.EXPORTSCOPE_ELECTRON_STALL_MS) || 60_000

/**
 * @param {{ pkgDir?: string, say?: (line: string) => void }} [options]
 * @returns {Promise<{ path: string, fetched: boolean }>} or throws an Error whose message is the one line to print
 */
export async function obtainElectron({ pkgDir = electronBinary.defaultPkgDir, say = (line) => console.log(line) } = {}) {
  const found = findElectron(pkgDir)
  if ('path' in found) return { path: found.path, fetched: false }
  if (found.missing !== 'download') throw new Error(`Cannot start Exportscope: ${found.reason}.`)

  const requireHere = createRequire(join(pkgDir, 'package.json'))
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  let getEntry
  try {
    getEntry = requireHere.resolve('@electron/get')
  } catch {
    throw new Error("Cannot start Exportscope: Electron's download tool (@electron/get) is not installed; run `npm install` (with dev dependencies).")
  }
  const { downloadArtifact } = await import(pathToFileURL(getEntry).href)
  const cacheRoot = process.env.electron_config_cache || (await defaultCacheRoot(getEntry))
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform
  const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch
  const remoteSums = process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums

  let url = ''
  const downloader = {
    async download(from, target, options) {
      // The checksum list (only with remote checksums) is small and says nothing new.
      const checksumList = from.endsWith('SHASUMS256.txt')
      if (!checksumList) {
        url = from
        say(`Fetching Electron ${version} for ${platform}-${arch} (about 100 MB, once) from ${from} into the cache ${cacheRoot} …`)
      }
      await fetchTo(from, target, options, !checksumList)
    }
  }
  try {
    await downloadArtifact({
      version,
      artifactName: 'electron',
      platform,
      arch,
      cacheRoot,
      force: process.env.force_no_cache === 'true',
      checksums: remoteSums ? undefined : requireHere('./checksums.json'),
      downloader
    })
    unpack(pkgDir, cacheRoot)
  } catch (err) {
    const { line, reason } = downloadFailure(err, { version, url, cacheRoot })
    noteFailure(pkgDir, `${url || `Electron ${version}`}: ${reason}`)
    throw new Error(line)
  }
  rmSync(failureNote(pkgDir), { force: true })
  const after = findElectron(pkgDir)
  if ('path' in after) return { path: after.path, fetched: true }
  throw new Error(`Electron's installer finished, but ${after.reason}.`)
}

/** electron's install.js finds the zip in the cache (checking its checksum again), unpacks it, writes path.txt. */
function unpack(pkgDir, cacheRoot) {
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    env: { ...process.env, electron_config_cache: cacheRoot, force_no_cache: '' },
    encoding: 'utf8'
  })
  if (r.status !== 0) {
    const first = `${r.stderr || r.error?.message || ''}`.split('\n').find((l) => l.trim()) ?? `exit code ${r.status}`
    throw Object.assign(new Error(first.trim()), { stage: 'unpack' })
  }
}

/** The default cache of @electron/get: env-paths('electron').cache, from the copy it uses itself. */
async function defaultCacheRoot(getEntry) {
  try {
    const envPaths = (await import(pathToFileURL(createRequire(getEntry).resolve('env-paths')).href)).default
    return envPaths('electron', { suffix: '' }).cache
  } catch {
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron')
  }
}

/** A plain fetch to a file that gives up when no byte arrives for STALL_MS (connecting included). */
async function fetchTo(url, target, options = {}, showProgress = true) {
  const { quiet: _quiet, getProgressCallback: _progress, ...fetchOptions } = options
  await mkdir(join(target, '..'), { recursive: true })
  const stall = new AbortController()
  let timer = setTimeout(() => stall.abort(), STALL_MS)
  const alive = () => {
    clearTimeout(timer)
    timer = setTimeout(() => stall.abort(), STALL_MS)
  }
  try {
    const response = await fetch(url, { ...fetchOptions, signal: stall.signal })
    if (!response.ok || !response.body) {
      throw Object.assign(new Error(`HTTP ${response.status} ${response.statusText}`.trim()), { status: response.status })
    }
    const total = Number(response.headers.get('content-length')) || 0
    const progress = progressLine(showProgress ? total : 0)
    await pipeline(
      Readable.fromWeb(response.body),
      async function* (source) {
        for await (const chunk of source) {
          alive()
          progress(chunk.length)
          yield chunk
        }
      },
      createWriteStream(target)
    )
    progress(0, true)
  } catch (err) {
    if (stall.signal.aborted) throw Object.assign(new Error(`no data for ${STALL_MS / 1000} s`), { stalled: true })
    throw err
  } finally {
    clearTimeout(timer)
  }
}

/** On a terminal only: the percentage, rewritten in place on stderr (logs and pipes get no noise). */
function progressLine(total) {
  const tty = process.stderr.isTTY && total > 0
  let got = 0
  let shown = -1
  return (bytes, done = false) => {
    if (!tty) return
    got += bytes
    const pct = Math.floor((got / total) * 100)
    if (pct !== shown || done) process.stderr.write(`\r  ${pct}% of ${Math.round(total / 1e6)} MB${done ? '\n' : ''}`)
    shown = pct
  }
}

function noteFailure(pkgDir, line) {
  try {
    writeFileSync(failureNote(pkgDir), `${line}\n`)
  } catch {
    // Only a courtesy for the e2e spec's skip reason; a read-only node_modules must not hide the real error.
  }
}
