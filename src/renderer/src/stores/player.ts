import { create } from 'zustand'
import type { AudioProgress, RecordingAudio } from '../../../shared/model/audio'
import { call, onEvent } from '../api/client'
import { decodePeaksHere } from '../player/decode-peaks'
import { useArchiveStore } from './archive'
import { knowDuration } from './durations'

/** What the keys and buttons drive; the mounted player registers it (the wavesurfer instance stays out of state). */
export interface PlayerControls {
  playPause(): void
  seekBy(seconds: number): void
}

export { SPEEDS } from '../player/speed'

interface PlayerState {
  archiveId: string | null
  recordingId: string | null
  /** The engine's answer for the recording on screen; null while the first answer is on its way. */
  audio: RecordingAudio | null
  /** A call failed (not the audio: that is audio.status 'error'). */
  failure: string | null
  playing: boolean
  rate: number
  /** Background peaks of the open export. */
  progress: AudioProgress | null
  controls: PlayerControls | null
  /** Shows a recording: asks for its audio facts, peaks and URL (waiting briefly), decoding here when Node cannot. */
  show(archiveId: string, recordingId: string): Promise<void>
  setPlaying(playing: boolean): void
  setRate(rate: number): void
  setControls(controls: PlayerControls | null): void
}

/** Long enough for a cache read or a short decode, short enough that a slow one never holds the screen. */
const FIRST_WAIT_MS = 1500
let seq = 0
/** The last recording whose peaks the engine announced: the event may overtake the answer that said "pending". */
let announced: string | null = null
const keyOf = (archiveId: string, recordingId: string) => `${archiveId}/${recordingId}`

export const usePlayerStore = create<PlayerState>((set, get) => ({
  archiveId: null,
  recordingId: null,
  audio: null,
  failure: null,
  playing: false,
  rate: 1,
  progress: null,
  controls: null,

  async show(archiveId, recordingId) {
    const now = get()
    // Shown again (the detail re-mounted): keep what is known unless it is still on its way.
    if (now.archiveId === archiveId && now.recordingId === recordingId && now.audio !== null && now.audio.status !== 'pending') return
    const mine = ++seq
    set({ archiveId, recordingId, audio: null, failure: null, playing: false })
    await ask(mine, archiveId, recordingId, FIRST_WAIT_MS)
  },
  setPlaying: (playing) => set({ playing }),
  setRate: (rate) => set({ rate }),
  setControls: (controls) => set({ controls })
}))

async function ask(mine: number, archiveId: string, recordingId: string, waitMs: number): Promise<void> {
  let audio: RecordingAudio
  try {
    audio = await call('recordingAudio', { archiveId, recordingId, waitMs })
  } catch (err) {
    if (mine === seq) usePlayerStore.setState({ failure: err instanceof Error ? err.message : String(err) })
    return
  }
  if (mine !== seq) return
  usePlayerStore.setState({ audio })
  const seconds = audio.peaks?.duration ?? audio.facts?.duration
  if (seconds != null) knowDuration(archiveId, recordingId, seconds * 1000)
  if (audio.status === 'pending' && announced === keyOf(archiveId, recordingId)) {
    announced = null
    return ask(mine, archiveId, recordingId, 0)
  }
  if (audio.status === 'decode-here' && audio.mediaUrl) {
    try {
      const peaks = await decodePeaksHere(audio.mediaUrl)
      if (mine !== seq) return
      const stored = await call('storeRendererPeaks', { archiveId, recordingId, peaks })
      if (mine === seq) usePlayerStore.setState({ audio: stored })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      if (mine === seq) usePlayerStore.setState({ audio: { ...audio, status: 'error', mediaUrl: null, error: `audio could not be read: ${reason}` } })
    }
  }
}

// A pending recording is asked again the moment its peaks are ready.
onEvent('audio.peaks', (e) => {
  const s = usePlayerStore.getState()
  if (e.archiveId !== s.archiveId || e.recordingId !== s.recordingId) return
  if (s.audio?.status === 'pending') void ask(seq, e.archiveId, e.recordingId, 0)
  else if (s.audio === null) announced = keyOf(e.archiveId, e.recordingId)
})
onEvent('audio.progress', (progress) => {
  if (progress.archiveId === useArchiveStore.getState().summary?.archiveId) usePlayerStore.setState({ progress })
})

/** Per-export reset (stores/per-export.ts): nothing of the previous export's audio stays. */
export function resetPlayer(archiveId: string | null): void {
  seq++
  usePlayerStore.setState({ archiveId, recordingId: null, audio: null, failure: null, playing: false, progress: null })
}
