import type { AudioProgress, RecordingAudio } from '../../../shared/model/audio'
import { call, onEvent } from '../api/client'
import { decodePeaksHere } from '../player/decode-peaks'
import type { DurationsSlice } from './durations'
import type { ArchiveSlice } from './archive'
import type { Root, SliceCreator } from './slice'

/** What the keys and buttons drive; the mounted player registers it (the wavesurfer instance stays out of state). */
export interface PlayerControls {
  playPause(): void
  seekBy(seconds: number): void
}

export { SPEEDS } from '../player/speed'

export interface PlayerSlice {
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
  /** Counts the recordings shown: an answer for an earlier one is dropped. */
  shown: number
  /** The last recording whose peaks the engine announced: the event may overtake the answer that said "pending". */
  announced: string | null
  /** Shows a recording: asks for its audio facts, peaks and URL (waiting briefly), decoding here when Node cannot. */
  show(archiveId: string, recordingId: string): Promise<void>
  /** Asks the engine again for the recording on screen (its peaks were announced). */
  askAgain(): Promise<void>
  setPlaying(playing: boolean): void
  setRate(rate: number): void
  setControls(controls: PlayerControls | null): void
}

/** Nothing of the previous export's audio stays (the one reset, per-export.ts). */
export const freshPlayer = (s: PlayerSlice, archiveId: string | null): Partial<PlayerSlice> => ({
  archiveId,
  recordingId: null,
  audio: null,
  failure: null,
  playing: false,
  progress: null,
  shown: s.shown + 1,
  announced: null
})

/** Long enough for a cache read or a short decode, short enough that a slow one never holds the screen. */
const FIRST_WAIT_MS = 1500
const keyOf = (archiveId: string, recordingId: string) => `${archiveId}/${recordingId}`

export const createPlayerSlice: SliceCreator<PlayerSlice, { durations: Pick<DurationsSlice, 'know'> }> = (set, get, root) => {
  async function ask(mine: number, archiveId: string, recordingId: string, waitMs: number): Promise<void> {
    let audio: RecordingAudio
    try {
      audio = await call('recordingAudio', { archiveId, recordingId, waitMs })
    } catch (err) {
      if (mine === get().shown) set({ failure: err instanceof Error ? err.message : String(err) })
      return
    }
    if (mine !== get().shown) return
    set({ audio })
    const seconds = audio.peaks?.duration ?? audio.facts?.duration
    if (seconds != null) root.getState().durations.know(archiveId, recordingId, seconds * 1000)
    if (audio.status === 'pending' && get().announced === keyOf(archiveId, recordingId)) {
      set({ announced: null })
      return ask(mine, archiveId, recordingId, 0)
    }
    if (audio.status === 'decode-here' && audio.mediaUrl) {
      try {
        const peaks = await decodePeaksHere(audio.mediaUrl)
        if (mine !== get().shown) return
        const stored = await call('storeRendererPeaks', { archiveId, recordingId, peaks })
        if (mine === get().shown) set({ audio: stored })
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err)
        if (mine === get().shown) set({ audio: { ...audio, status: 'error', mediaUrl: null, error: `audio could not be read: ${reason}` } })
      }
    }
  }

  return {
    archiveId: null,
    recordingId: null,
    audio: null,
    failure: null,
    playing: false,
    rate: 1,
    progress: null,
    controls: null,
    shown: 0,
    announced: null,

    async show(archiveId, recordingId) {
      const now = get()
      // Shown again (the detail re-mounted): keep what is known unless it is still on its way.
      if (now.archiveId === archiveId && now.recordingId === recordingId && now.audio !== null && now.audio.status !== 'pending') return
      const mine = now.shown + 1
      set({ archiveId, recordingId, audio: null, failure: null, playing: false, shown: mine })
      await ask(mine, archiveId, recordingId, FIRST_WAIT_MS)
    },
    async askAgain() {
      const { archiveId, recordingId, shown } = get()
      if (archiveId && recordingId) await ask(shown, archiveId, recordingId, 0)
    },
    setPlaying: (playing) => set({ playing }),
    setRate: (rate) => set({ rate }),
    setControls: (controls) => set({ controls })
  }
}

/** A pending recording is asked again the moment its peaks are ready; the background progress is shown. */
export function listenPlayer(root: Root<{ player: PlayerSlice; archive: Pick<ArchiveSlice, 'summary'> }>): void {
  onEvent('audio.peaks', (e) => {
    const { player } = root.getState()
    if (e.archiveId !== player.archiveId || e.recordingId !== player.recordingId) return
    if (player.audio?.status === 'pending') void player.askAgain()
    else if (player.audio === null) root.setState({ player: { ...player, announced: keyOf(e.archiveId, e.recordingId) } })
  })
  onEvent('audio.progress', (progress) => {
    const { archive, player } = root.getState()
    if (progress.archiveId === archive.summary?.archiveId) root.setState({ player: { ...player, progress } })
  })
}
