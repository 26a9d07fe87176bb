import { describe, expect, it } from 'vitest'
// wavesurfer's own media player: the test runs its real setSrc, the rule the guard works around.
import Player from 'wavesurfer.js/dist/player.js'
import { loadNaming } from './media-src'

/** An audio element as far as setSrc reads it: currentSrc follows src only once its resource selection runs (a later turn). */
class LaggingMedia {
  currentSrc = ''
  volume = 1
  muted = false
  playbackRate = 1
  private attrs = new Map<string, string>()
  getAttribute(name: string) {
    return this.attrs.get(name) ?? null
  }
  setAttribute(name: string, value: string) {
    this.attrs.set(name, value)
    if (name === 'src') setTimeout(() => (this.currentSrc = this.attrs.get('src') ?? this.currentSrc))
  }
  removeAttribute(name: string) {
    this.attrs.delete(name)
  }
  get src() {
    return this.getAttribute('src') ?? ''
  }
  set src(url: string) {
    this.setAttribute('src', url)
  }
  /** The load algorithm leaves currentSrc as it was when there is no src to select. */
  load() {}
  addEventListener() {}
  removeEventListener() {}
  canPlayType() {
    return ''
  }
}

/** What WaveSurfer.load() calls on its player; internal, so not in wavesurfer's published types. */
type SrcPlayer = { setSrc(url: string): void }
const playerOf = (media: LaggingMedia) => new Player({ media: media as unknown as HTMLMediaElement }) as unknown as SrcPlayer

const FIRST = 'http://127.0.0.1:1/t/first'
const SECOND = 'http://127.0.0.1:1/t/second'

/** J to the second recording, then K back to the first before the element has selected the second. */
async function backBeforeSelection(loadFirst: (media: LaggingMedia, player: SrcPlayer) => void) {
  const media = new LaggingMedia()
  const player = playerOf(media)
  player.setSrc(FIRST)
  await new Promise((r) => setTimeout(r, 5))
  expect(media.currentSrc).toBe(FIRST)
  player.setSrc('') // empty() while the second is pending
  player.setSrc(SECOND)
  player.setSrc('') // K: empty() while the first is asked again
  loadFirst(media, player)
  return media
}

describe('loadNaming', () => {
  it('wavesurfer alone leaves no src when the element has not selected the recording shown in between', async () => {
    const media = await backBeforeSelection((_media, player) => player.setSrc(FIRST))
    expect(media.getAttribute('src')).toBeNull()
  })

  it('names the recording again in that case', async () => {
    const media = await backBeforeSelection((m, player) => loadNaming(m, FIRST, () => player.setSrc(FIRST)))
    expect(media.getAttribute('src')).toBe(FIRST)
  })

  it('leaves a src wavesurfer set alone', async () => {
    const media = new LaggingMedia()
    const player = playerOf(media)
    let sets = 0
    const set = media.setAttribute.bind(media)
    media.setAttribute = (n: string, v: string) => void (sets++, set(n, v))
    loadNaming(media, SECOND, () => player.setSrc(SECOND))
    expect(media.getAttribute('src')).toBe(SECOND)
    expect(sets).toBe(1)
  })
})
