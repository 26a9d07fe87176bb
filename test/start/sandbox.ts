// A throwaway copy of the project's start scripts with its own `node_modules/electron` (no binary),
// so a test can let `npm start` download into it without touching the real install. Electron's
// download tooling (@electron/get, the zip extractor) is linked from the real node_modules.
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const projectRoot = resolve(__dirname, '..', '..')
const realModules = join(projectRoot, 'node_modules')

export function makeSandbox(): { root: string; electronDir: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'exportscope start-')) // a space, as in many home folders
  cpSync(join(projectRoot, 'scripts'), join(root, 'scripts'), { recursive: true })
  cpSync(join(projectRoot, 'package.json'), join(root, 'package.json'))
  const electronDir = join(root, 'node_modules', 'electron')
  mkdirSync(electronDir, { recursive: true })
  for (const f of ['package.json', 'install.js', 'index.js', 'checksums.json']) cpSync(join(realModules, 'electron', f), join(electronDir, f))
  for (const scope of ['@electron', '@electron-internal']) symlinkSync(join(realModules, scope), join(root, 'node_modules', scope), 'dir')
  return { root, electronDir, cache: join(root, 'electron-cache') }
}

/** A loopback port nothing listens on: a connection to it is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

/** Serves fixed files at fixed paths on loopback; anything else is a 404. */
export async function serveFiles(files: Record<string, Buffer | string>): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = []
  const server = createServer((req, res) => {
    hits.push(req.url ?? '')
    const body = files[req.url ?? '']
    res.writeHead(body === undefined ? 404 : 200).end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, server, hits }
}

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
}

/** Runs a command in its own process group; past `boundMs` the whole group is killed, so nothing can hang. */
export function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; boundMs: number }): Promise<Ran> {
  const started = Date.now()
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let timedOut = false
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const timer = setTimeout(() => {
    timedOut = true
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, opts.boundMs)
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr, ms: Date.now() - started, timedOut })
    })
  })
}

/** The environment of a user who set nothing Electron-related, plus what the test sets. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    // Also what an outer npm (npm test) sets for its own run: the inner `npm start` must find the sandbox's package.json.
    if (/^(electron_|ELECTRON_|force_no_cache|npm_|INIT_CWD$)/i.test(k)) continue
    env[k] = v
  }
  return { ...env, ELECTRON_GET_NO_PROGRESS: '1', ...extra }
}
