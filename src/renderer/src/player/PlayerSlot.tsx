import { useArchiveStore } from '../stores/archive'
import { Player } from './Player'

/** What the recording detail mounts: the player for the open export's recording, keyed so each recording starts fresh. */
export function PlayerSlot({ recordingId }: { recordingId: string }) {
  const archiveId = useArchiveStore((s) => s.summary?.archiveId ?? null)
  if (!archiveId) return null
  return <Player archiveId={archiveId} recordingId={recordingId} />
}
