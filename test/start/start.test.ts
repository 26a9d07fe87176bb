// `npm start` without a real Electron: the download failing fast, the download through Electron's own
// installer from a loopback mirror (a stand-in zip), and the build-then-launch with a stand-in binary.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ZipFile } from 'yazl'

import { cleanEnv, closedPort, makeSandbox, projectRoot, run, serveFiles } from './sandbox'

const version = (JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
const target = `${process.platform}-${process.arch}`
const zipName = `electron-v${version}-${target}.zip`
const cleanup: string[] = []
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

// Linux only: the stand-in binaries are shell scripts, and macOS names the binary inside an .app folder.
describe.skipIf(process.platform !== 'linux')('npm start (no real Electron needed)', () => {
  it('with the download failing (unreachable loopback mirror): says what it fetches, then one line with the cause and what to do, exit 1', async () => {
    const box = makeSandbox()
    cleanup.push(box.root)
    const port = await closedPort()
    const r = await run(npm, ['start'], {
      cwd: box.root,
      env: cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: box.cache }),
      boundMs: 30_000
    })
    expect(r.timedOut, 'npm start must give up on its own, not hang').toBe(false)
    expect(r.code).not.toBe(0)
    const url = `http://127.0.0.1:${port}/v${version}/${zipName}`
    const ours = r.stdout.split('\n').filter((l) => l.startsWith('Fetching Electron'))
    expect(ours).toEqual([`Fetching Electron ${version} for ${target} (about 100 MB, once) from ${url} into the cache ${box.cache} …`])
    // npm 11 adds nothing after a failed script (some npm versions add "npm error" lines): ours is the one line besides those.
    const said = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm error'))
    expect(said).toHaveLength(1)
    expect(said[0]).toBe(
      `Could not download Electron ${version} from ${url}: the connection was refused by 127.0.0.1:${port}. ` +
        'Retry `npm start` when the connection works, or set ELECTRON_MIRROR to a mirror you can reach; ' +
        'without Electron, `npm run shot` photographs the app in Chromium and `./bin/exportscope --help` is the CLI.'
    )
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(r.stderr + r.stdout).not.toMatch(/cannot download/i)
    // Nothing half-installed; the reason is kept for the Electron e2e spec's skip message.
    expect(existsSync(join(box.electronDir, 'path.txt'))).toBe(false)
    expect(readFileSync(join(box.electronDir, 'download-failed.txt'), 'utf8')).toContain('connection was refused')
  })

  it("fetches through Electron's own installer from a mirror, checks the checksum, unpacks, and then only uses the cache", async () => {
    const box = makeSandbox()
    cleanup.push(box.root)
    const zip = await standInZip()
    const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`
    const mirror = await serveFiles({ [`/v${version}/${zipName}`]: zip, [`/v${version}/SHASUMS256.txt`]: sums })
    const env = cleanEnv({ ELECTRON_MIRROR: mirror.url, electron_config_cache: box.cache, electron_use_remote_checksums: '1' })
    const obtain = obtainScript(box.root)
    try {
      const first = await run(process.execPath, [obtain], { cwd: box.root, env, boundMs: 30_000 })
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      const lines = first.stdout.trim().split('\n')
      expect(lines[0]).toBe(`Fetching Electron ${version} for ${target} (about 100 MB, once) from ${mirror.url}v${version}/${zipName} into the cache ${box.cache} …`)
      const binary = join(box.electronDir, 'dist', 'electron')
      expect(JSON.parse(lines[1]!)).toEqual({ path: binary, fetched: true })
      expect(readFileSync(join(box.electronDir, 'path.txt'), 'utf8')).toBe('electron')
      expect(statSync(binary).mode & 0o111).not.toBe(0)
      expect(readFileSync(binary, 'utf8')).toContain('stand-in')

      // Second start: no line, no request; the binary is simply there.
      const before = mirror.hits.length
      const again = await run(process.execPath, [obtain], { cwd: box.root, env, boundMs: 30_000 })
      expect(again.stdout.trim()).toBe(JSON.stringify({ path: binary, fetched: false }))
      expect(mirror.hits.length).toBe(before)
    } finally {
      mirror.server.close()
    }
  })

  it("refuses a download that does not match Electron's published checksum, and says so", async () => {
    const box = makeSandbox()
    cleanup.push(box.root)
    const mirror = await serveFiles({ [`/v${version}/${zipName}`]: await standInZip() })
    try {
      const r = await run(npm, ['start'], {
        cwd: box.root,
        env: cleanEnv({ ELECTRON_MIRROR: mirror.url, electron_config_cache: box.cache }),
        boundMs: 30_000
      })
      expect(r.timedOut).toBe(false)
      expect(r.code).not.toBe(0)
      const said = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm error'))
      expect(said).toHaveLength(1)
      expect(said[0]).toContain("the download did not match Electron's published checksum")
      expect(existsSync(join(box.electronDir, 'dist'))).toBe(false)
    } finally {
      mirror.server.close()
    }
  })

  it('names a mirror that lacks the file (HTTP 404), and gives up on a server that stops sending instead of hanging', async () => {
    const box = makeSandbox()
    cleanup.push(box.root)
    const obtain = obtainScript(box.root)
    const empty = await serveFiles({})
    // Answers with headers and a first byte, then never sends the rest.
    const silent = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000000' })
      res.write('P')
    })
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done))
    try {
      const missing = await run(process.execPath, [obtain], { cwd: box.root, env: cleanEnv({ ELECTRON_MIRROR: empty.url, electron_config_cache: box.cache }), boundMs: 30_000 })
      expect(missing.code).toBe(1)
      expect(missing.stderr.trim().split('\n')).toHaveLength(1)
      expect(missing.stderr).toContain(`from ${empty.url}v${version}/${zipName}: the server answered HTTP 404 Not Found.`)

      const { port } = silent.address() as { port: number }
      const stalled = await run(process.execPath, [obtain], {
        cwd: box.root,
        env: cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: box.cache, EXPORTSCOPE_ELECTRON_STALL_MS: '700' }),
        boundMs: 30_000
      })
      expect(stalled.timedOut).toBe(false)
      expect(stalled.code).toBe(1)
      expect(stalled.stderr).toContain(': the server stopped sending (no data for 0.7 s).')
      expect(existsSync(join(box.electronDir, 'path.txt'))).toBe(false)
    } finally {
      empty.server.close()
      silent.closeAllConnections()
      silent.close()
    }
  })

  it('with ELECTRON_OVERRIDE_DIST_PATH naming an empty folder: says so in one line, and downloads nothing', async () => {
    const box = makeSandbox()
    cleanup.push(box.root)
    const emptyDist = join(box.root, 'no-electron-here')
    const port = await closedPort()
    const r = await run(process.execPath, [obtainScript(box.root)], {
      cwd: box.root,
      env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: emptyDist, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: box.cache }),
      boundMs: 30_000
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`Cannot start Exportscope: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary at ${join(emptyDist, 'electron')}.\n`)
    expect(existsSync(box.cache)).toBe(false)
  })

  it('with a stand-in binary (ELECTRON_OVERRIDE_DIST_PATH): builds the app, then launches the binary on the app folder', async () => {
    const standIn = mkdtempSync(join(tmpdir(), 'exportscope-standin-'))
    cleanup.push(standIn)
    const record = join(standIn, 'launched.txt')
    // Records where it ran and with what, one per line, as the real binary would receive them.
    writeFileSync(join(standIn, 'electron'), `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > '${record}'\n`, { mode: 0o755 })
    const started = Date.now()
    const r = await run(npm, ['start', '--', '--stand-in-flag'], {
      cwd: projectRoot,
      env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: standIn }),
      boundMs: 280_000
    })
    expect(r.timedOut, `npm start did not finish: ${r.stderr}`).toBe(false)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).not.toContain('Fetching Electron')
    expect(readFileSync(record, 'utf8').split('\n')).toEqual([projectRoot.replace(/\/$/, ''), '.', '--stand-in-flag', ''])
    // The build ran before the launch: the main process entry package.json names is fresh.
    expect(statSync(join(projectRoot, 'out', 'main', 'index.js')).mtimeMs).toBeGreaterThanOrEqual(started - 1000)
  }, 300_000)

  it('npm run dev: electron-vite dev launches the same binary (ELECTRON_EXEC_PATH), with its dev server URL', async () => {
    const standIn = mkdtempSync(join(tmpdir(), 'exportscope-standin-'))
    cleanup.push(standIn)
    const record = join(standIn, 'launched.txt')
    writeFileSync(join(standIn, 'electron'), `#!/bin/sh\nprintf '%s\\n' "$PWD" "$ELECTRON_RENDERER_URL" "$@" > '${record}'\n`, { mode: 0o755 })
    const r = await run(npm, ['run', 'dev'], { cwd: projectRoot, env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: standIn }), boundMs: 120_000 })
    expect(r.timedOut, `npm run dev did not end when the app did: ${r.stderr}`).toBe(false)
    expect(r.code, r.stderr).toBe(0)
    const [cwd, rendererUrl, ...args] = readFileSync(record, 'utf8').split('\n')
    expect(cwd).toBe(projectRoot.replace(/\/$/, ''))
    expect(rendererUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/)
    expect(args).toEqual(['.', ''])
  }, 150_000)
})


/** A script that runs only the obtaining step of `npm start` in the sandbox: prints its result, or its one line. */
function obtainScript(root: string): string {
  const file = join(root, 'obtain.mjs')
  writeFileSync(
    file,
    "import { obtainElectron } from './scripts/electron-fetch.mjs'\n" +
      'try { console.log(JSON.stringify(await obtainElectron())) } catch (e) { console.error(e.message); process.exit(1) }\n'
  )
  return file
}

function standInZip(): Promise<Buffer> {
  const zip = new ZipFile()
  zip.addBuffer(Buffer.from('#!/bin/sh\necho stand-in electron "$@"\n'), 'electron', { mode: 0o100755 })
  zip.addBuffer(Buffer.from(`v${version}`), 'version')
  zip.end()
  const chunks: Buffer[] = []
  return new Promise((done, fail) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('end', () => done(Buffer.concat(chunks)))
    zip.outputStream.on('error', fail)
  })
}
