import { Readable } from 'node:stream'
import type { MediaSource } from '../core/audio/handlers'
import { APP_ORIGIN, MEDIA_SCHEME } from './security'

export const MEDIA_HOST = 'media'

/** The URL a recording plays from in the app: an opaque token the services issued, nothing else. */
export const mediaUrl = (token: string): string => `${MEDIA_SCHEME}://${MEDIA_HOST}/${encodeURIComponent(token)}`

/**
 * One request on exportscope-media://, answered from the archive by the core's media function
 * (Range, 206, Content-Range, content type). Only a GET of media/<token> for a token the services
 * issued (and whose export is still open) is answered; everything else is a plain 404. Pure of
 * Electron, so it is tested as the scheme runs it.
 */
export async function answerMediaRequest(request: Request, media: MediaSource): Promise<Response> {
  const url = new URL(request.url)
  const token = decodeURIComponent(url.pathname.slice(1))
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== MEDIA_HOST || request.method !== 'GET' || !/^[0-9a-f]{32}$/.test(token)) return notFound()
  const answer = await media(token, request.headers.get('range')).catch(() => null)
  if (!answer) return notFound()
  const body = answer.status === 416 ? null : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>)
  if (!body) answer.body.destroy()
  // Our own page may fetch() it too (the renderer decodes AAC itself); no other origin exists here.
  return new Response(body, { status: answer.status, headers: { ...answer.headers, 'Access-Control-Allow-Origin': APP_ORIGIN } })
}

const notFound = () => new Response('Not found', { status: 404 })
