import { useEffect, useState } from 'react'
import { readPalette } from './tones'
import { readThemePalette, type Palette } from './timeline-draw'

const read = (): Palette => readThemePalette(readPalette())

/** The current theme's colours for canvases, re-read when the theme (html[data-theme]) changes. */
export function usePalette(): Palette {
  const [palette, setPalette] = useState(read)
  useEffect(() => {
    const observer = new MutationObserver(() => setPalette(read()))
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    setPalette(read())
    return () => observer.disconnect()
  }, [])
  return palette
}
