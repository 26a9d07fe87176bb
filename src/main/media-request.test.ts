import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { MediaSource } from '../core/audio/handlers'
import { answerMediaRequest, mediaUrl } from './media-request'
import { APP_ORIGIN, isAllowedRequest } from './security'

const TOKEN = 'ab'.repeat(16)
const bytes = Buffer.from('RIFF....WAVEfmt some audio bytes')

/** A media source that knows one token and answers a 206 for any range, recording what it was asked. */
function source() {
  const asked: Array<{ token: string; range: string | null | undefined }> = []
  const media: MediaSource = async (token, range) => {
    asked.push({ token, range })
    if (token !== TOKEN) return null
    return {
      status: 206,
      headers: { 'Content-Type': 'audio/wav', 'Content-Range': `bytes 0-3/${bytes.length}`, 'Content-Length': '4', 'Accept-Ranges': 'bytes' },
      body: Readable.from([bytes.subarray(0, 4)])
    }
  }
  return { media, asked }
}

describe('the exportscope-media scheme', () => {
  it('builds URLs the window may load', () => {
    expect(mediaUrl(TOKEN)).toBe(`exportscope-media://media/${TOKEN}`)
    expect(isAllowedRequest(mediaUrl(TOKEN))).toBe(true)
  })

  it('streams an issued token with the range, status and headers the core gave, readable by our own page only', async () => {
    const { media, asked } = source()
    const res = await answerMediaRequest(new Request(mediaUrl(TOKEN), { headers: { Range: 'bytes=0-3' } }), media)
    expect(res.status).toBe(206)
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(res.headers.get('content-range')).toBe(`bytes 0-3/${bytes.length}`)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('RIFF')
    expect(asked).toEqual([{ token: TOKEN, range: 'bytes=0-3' }])
  })

  it('answers 404 for tokens never issued, other hosts, other methods and anything that is not a token', async () => {
    const { media, asked } = source()
    const statuses = await Promise.all(
      [
        new Request(mediaUrl('cd'.repeat(16))),
        new Request(`exportscope-media://elsewhere/${TOKEN}`),
        new Request(mediaUrl(TOKEN), { method: 'POST', body: 'x' }),
        new Request('exportscope-media://media/..%2F..%2Fetc%2Fpasswd'),
        new Request(`exportscope-media://media/${TOKEN}/extra`)
      ].map(async (r) => (await answerMediaRequest(r, media)).status)
    )
    expect(statuses).toEqual([404, 404, 404, 404, 404])
    // Only the well-formed token reached the services.
    expect(asked.map((a) => a.token)).toEqual(['cd'.repeat(16)])
  })
})
