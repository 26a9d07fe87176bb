import { net, protocol } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { MediaSource } from '../core/audio/handlers'
import { answerMediaRequest } from './media-request'
import { APP_HOST, APP_SCHEME, MEDIA_SCHEME, contentSecurityPolicy } from './security'

export { mediaUrl } from './media-request'

/** Must run before the app is ready: our schemes behave like https (secure, standard, fetchable). */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true } }
  ])
}

/** Serves out/renderer from app://exportscope/, never anything outside it, always with our CSP. */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = normalize(join(root, decodeURIComponent(url.pathname)))
    if (url.host !== APP_HOST || (file !== root && !file.startsWith(root + sep))) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', contentSecurityPolicy())
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

/** Answers exportscope-media://media/<token> through the services' media source (see media-request.ts). */
export function serveMediaScheme(media: MediaSource): void {
  protocol.handle(MEDIA_SCHEME, (request) => answerMediaRequest(request, media))
}
