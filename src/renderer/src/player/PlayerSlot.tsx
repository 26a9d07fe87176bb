import { Player } from './Player'
import { useStore } from '../stores'

/** What the recording detail mounts: the player for the open export's recording, keyed so each recording starts fresh. */
export function PlayerSlot({ recordingId }: { recordingId: string }) {
  const archiveId = useStore((s) => s.archive.summary?.archiveId ?? null)
  if (!archiveId) return null
  return <Player archiveId={archiveId} recordingId={recordingId} />
}
