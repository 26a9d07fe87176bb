import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import type { MediaSource } from '../src/core/audio/handlers'

/** Answers one media request (see servicesMedia below: the archive's Range reader, by token); false for unknown ids. */
export type MediaResolver = (id: string, req: IncomingMessage, res: ServerResponse) => Promise<boolean>

/**
 * The harness's stand-in for the app's media scheme: loopback only, and every URL carries a random
 * token made for this run, so no other local page or process can read the export through it.
 */
export async function startMediaServer(resolve: MediaResolver | null): Promise<{ origin: string; token: string; server: Server }> {
  const token = randomBytes(24).toString('hex')
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const [, given, id] = url.pathname.split('/')
    if (given !== token) {
      res.writeHead(403).end('forbidden')
      return
    }
    if (!resolve || !id) {
      res.writeHead(404).end()
      return
    }
    resolve(decodeURIComponent(id), req, res)
      .then((handled) => {
        if (!handled && !res.headersSent) res.writeHead(404).end()
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end()
        else res.destroy()
      })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, token, server }
}

/**
 * The resolver the harness gives the server: the same core function as the app's media scheme
 * (Range, 206, Content-Range, content type), for tokens the services issued. `pageOrigin` may read
 * the bytes with fetch() (the renderer decodes AAC itself), as the app's scheme allows its own page.
 */
export function servicesMedia(media: MediaSource, pageOrigin: () => string): MediaResolver {
  return async (id, req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const answer = await media(id, req.headers.range)
    if (!answer) return false
    res.writeHead(answer.status, { ...answer.headers, 'Access-Control-Allow-Origin': pageOrigin() })
    if (req.method === 'HEAD') {
      answer.body.destroy()
      res.end()
      return true
    }
    // The player drops a connection whenever it seeks; that is not an error.
    await pipeline(answer.body, res).catch(() => undefined)
    return true
  }
}
