/** The part of the media element the guard reads and writes. */
export type MediaSrc = Pick<HTMLMediaElement, 'getAttribute' | 'setAttribute'>

/**
 * Runs wavesurfer's load, then makes sure the media element names `url`. wavesurfer does not set a
 * URL equal to the element's currentSrc, and the element updates currentSrc only when its resource
 * selection runs, a few milliseconds after src changes: going back to the previous recording within
 * them (J then K on a busy machine), empty() had removed src, currentSrc still named the previous
 * recording, and the player was left with no src at all.
 */
export function loadNaming(media: MediaSrc, url: string, load: () => void): void {
  load()
  if (media.getAttribute('src') !== url) media.setAttribute('src', url)
}
