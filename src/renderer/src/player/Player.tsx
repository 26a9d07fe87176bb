import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import WaveSurfer from 'wavesurfer.js'
import { call } from '../api/client'
import { getCatalog, getOrdered } from '../review/derived'
import { stepSelection } from '../review/navigate'
import { SPEEDS } from '../stores/player'
import { formatClock } from './clock'
import { usePlayerKeys } from './usePlayerKeys'
import { loadNaming } from './media-src'
import './player.css'
import { useStore } from '../stores'

/** Recordings after (and a few before) the selected one in list order: where J and K go next. */
const AHEAD = 40
const BEHIND = 10

function neighbours(recordingId: string): string[] {
  const c = getCatalog()
  const { order, pos } = getOrdered()
  const at = pos[c.byId.get(recordingId) ?? -1] ?? -1
  if (at < 0) return []
  const ids: string[] = []
  for (let k = at + 1; k < Math.min(order.length, at + 1 + AHEAD); k++) ids.push(c.recordings[order[k]!]!.id)
  for (let k = at - 1; k >= Math.max(0, at - BEHIND); k--) ids.push(c.recordings[order[k]!]!.id)
  return ids
}

const cssColor = (name: string, fallback: string): string => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
const colours = () => ({ waveColor: cssColor('--muted', '#5d6270'), progressColor: cssColor('--accent', '#3b5bdb'), cursorColor: cssColor('--ink', '#1b1d23') })

const UNREADABLE = 'audio could not be read: '

/** Previous/next as drawn shapes: emoji-like glyphs are missing from many system fonts. */
function StepIcon({ dir }: { dir: 1 | -1 }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" style={dir < 0 ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M2 2 L9 7 L2 12 Z" fill="currentColor" />
      <rect x="10" y="2" width="2" height="10" fill="currentColor" />
    </svg>
  )
}

/**
 * The selected recording's player: wavesurfer.js drawing the engine's precomputed peaks (it never
 * decodes to draw), playing through a media element that streams from the services' media URL.
 */
export function Player({ archiveId, recordingId, children, below }: { archiveId: string; recordingId: string; children?: ReactNode; below?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const audio = useStore((s) => (s.player.recordingId === recordingId ? s.player.audio : null))
  const failure = useStore((s) => (s.player.recordingId === recordingId ? s.player.failure : null))
  const playing = useStore((s) => s.player.playing)
  const rate = useStore((s) => s.player.rate)
  const progress = useStore((s) => s.player.progress)
  const waveRef = useRef<HTMLDivElement>(null)
  const mediaRef = useRef<HTMLAudioElement>(null)
  const timeRef = useRef<HTMLSpanElement>(null)
  const wsRef = useRef<WaveSurfer | null>(null)
  /** The URL whose peaks are loaded; null while empty, so drawing the empty state never counts as drawn. */
  const loadedRef = useRef<string | null>(null)
  usePlayerKeys(true)

  useEffect(() => {
    void useStore.getState().player.show(archiveId, recordingId)
    // Background peaks follow the person: this one first (recordingAudio), then where J/K lead.
    call('setAudioPriorities', { archiveId, selectedId: recordingId, visibleIds: neighbours(recordingId) }).catch(() => undefined)
  }, [archiveId, recordingId])

  useEffect(() => {
    const ws = WaveSurfer.create({
      container: waveRef.current!,
      media: mediaRef.current!,
      // The wave fills its pane: its height follows the pane the person sized.
      height: 'auto',
      ...colours(),
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 1,
      dragToSeek: true,
      hideScrollbar: true
    })
    wsRef.current = ws
    const { setPlaying, setControls } = useStore.getState().player
    const showTime = (time: number) => {
      if (timeRef.current) timeRef.current.textContent = formatClock(time)
    }
    const offs = [
      ws.on('play', () => setPlaying(true)),
      ws.on('pause', () => setPlaying(false)),
      ws.on('finish', () => setPlaying(false)),
      // The playhead is written to the DOM directly: 60 updates a second never touch React state.
      ws.on('timeupdate', showTime),
      ws.on('redrawcomplete', () => {
        if (loadedRef.current) waveRef.current?.setAttribute('data-drawn', 'true')
      })
    ]
    setControls({
      playPause: () => {
        if (mediaRef.current?.src) void ws.playPause().catch(() => undefined)
      },
      seekBy: (s) => ws.setTime(Math.max(0, Math.min(ws.getDuration(), ws.getCurrentTime() + s)))
    })
    const themeWatch = new MutationObserver(() => ws.setOptions(colours()))
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => {
      themeWatch.disconnect()
      for (const off of offs) off()
      setControls(null)
      setPlaying(false)
      ws.destroy()
      wsRef.current = null
    }
  }, [])

  const ready = audio?.status === 'ready' && audio.peaks !== null && audio.mediaUrl !== null
  useEffect(() => {
    const ws = wsRef.current
    const wave = waveRef.current
    if (!ws || !wave) return
    wave.setAttribute('data-drawn', 'false')
    if (timeRef.current) timeRef.current.textContent = formatClock(0)
    loadedRef.current = ready ? audio.mediaUrl : null
    if (ready) {
      // Peaks as two channels (top: max, bottom: min) with the duration: wavesurfer draws them and never fetches to decode.
      const { mediaUrl, peaks } = audio
      loadNaming(mediaRef.current!, mediaUrl!, () => void ws.load(mediaUrl!, [peaks!.max, peaks!.min], peaks!.duration).catch(() => undefined))
      wave.setAttribute('data-buckets', String(peaks!.max.length))
    } else {
      // Also removes the media's src: nothing plays while the next recording's answer is on its way.
      ws.empty()
    }
  }, [audio, ready])

  useEffect(() => {
    wsRef.current?.setPlaybackRate(rate)
  }, [rate, audio])

  const duration = audio?.peaks?.duration ?? audio?.facts?.duration ?? null
  const facts = audio?.facts
  const reason = audio?.status === 'error' ? (audio.error ?? '').replace(UNREADABLE, '') : null
  const status = failure ? 'failed' : (audio?.status ?? 'loading')
  const lang = i18n.language

  return (
    <div className="player" data-testid="player" data-status={status}>
      <div className="player-main">
        <div className="player-wave" ref={waveRef} data-testid="player-wave" hidden={!ready} aria-hidden="true" />
        {/* The media element the waveform drives; no controls of its own (ours are below). */}
        <audio ref={mediaRef} data-testid="player-media" preload="metadata" />
        {status === 'loading' || status === 'pending' ? (
          <p className="muted player-note" role="status">
            {t('player.computing')}
            {progress && progress.total > 0 && progress.done < progress.total ? ` ${t('player.progress', { done: progress.done.toLocaleString(lang), total: progress.total.toLocaleString(lang) })}` : ''}
          </p>
        ) : null}
        {status === 'decode-here' && (
          <p className="muted player-note" role="status">
            {t('player.decodingHere')}
          </p>
        )}
        {reason !== null && (
          <p className="player-error" role="alert" data-testid="player-error">
            {t('player.unreadable', { reason })}
          </p>
        )}
        {status === 'none' && <p className="muted player-note">{t('detail.noAudio')}</p>}
        {failure && (
          <p className="player-error" role="alert">
            {failure}
          </p>
        )}
        {facts && (
          <p className="muted small player-facts" data-testid="player-facts" title={t('player.keys')}>
            {t('player.facts', {
              codec: facts.codec.toUpperCase(),
              rate: (facts.sampleRate / 1000).toLocaleString(lang, { maximumFractionDigits: 1 }),
              channels: facts.channels
            })}
            {facts.truncated ? ` · ${t('player.truncated')}` : ''}
            {' · '}
            {t('player.keys')}
          </p>
        )}
        {below}
      </div>
      <div className="player-side">
        <div className="player-controls" role="group" aria-label={t('player.controls')}>
          <button type="button" onClick={() => stepSelection(-1)} aria-label={t('player.previous')} title={t('player.previousKey')}>
            <StepIcon dir={-1} />
          </button>
          <button
            type="button"
            className="primary player-play"
            data-testid="player-play"
            disabled={!ready}
            aria-pressed={playing}
            onClick={() => useStore.getState().player.controls?.playPause()}
            title={t('player.playKey')}
          >
            {playing ? t('player.pause') : t('player.play')}
          </button>
          <button type="button" onClick={() => stepSelection(1)} aria-label={t('player.next')} title={t('player.nextKey')}>
            <StepIcon dir={1} />
          </button>
          <span className="player-time mono" aria-live="off">
            <span ref={timeRef} data-testid="player-time">
              {formatClock(0)}
            </span>
            {' / '}
            {duration === null ? '–' : formatClock(duration)}
          </span>
          <label className="player-speed" title={t('player.speed')}>
            <span className="speed-word">{t('player.speed')}</span>
            <select value={rate} onChange={(e) => useStore.getState().player.setRate(Number(e.target.value))} data-testid="player-speed">
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s.toLocaleString(lang)}×
                </option>
              ))}
            </select>
          </label>
        </div>
        {children}
      </div>
    </div>
  )
}
