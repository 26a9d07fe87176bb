import { useEffect, useState } from 'react'
import type { Recording } from '../../../shared/model/recording'
import { call } from '../api/client'

/**
 * The list carries recordings without their source rows; the details fetch the selected one whole.
 * Kept for the last few selections, since J and K go back and forth.
 */
const KEEP = 64
const cache = new Map<string, Recording>()

function remember(key: string, recording: Recording): void {
  cache.delete(key)
  cache.set(key, recording)
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!)
}

export type DetailState = { status: 'idle' | 'loading'; recording: null } | { status: 'ready'; recording: Recording } | { status: 'error'; recording: null; error: string }

export function useRecordingDetail(archiveId: string | null, recordingId: string | null): DetailState {
  const key = archiveId && recordingId ? `${archiveId}|${recordingId}` : null
  const [state, setState] = useState<{ key: string | null; value: DetailState }>({ key: null, value: { status: 'idle', recording: null } })
  useEffect(() => {
    if (!key || !archiveId || !recordingId || cache.has(key)) return
    let live = true
    call('recordingDetail', { archiveId, recordingId }).then(
      (recording) => {
        remember(key, recording)
        if (live) setState({ key, value: { status: 'ready', recording } })
      },
      (err: unknown) => {
        if (live) setState({ key, value: { status: 'error', recording: null, error: err instanceof Error ? err.message : String(err) } })
      }
    )
    return () => {
      live = false
    }
  }, [key, archiveId, recordingId])
  if (!key) return { status: 'idle', recording: null }
  const cached = cache.get(key)
  if (cached) return { status: 'ready', recording: cached }
  return state.key === key ? state.value : { status: 'loading', recording: null }
}
