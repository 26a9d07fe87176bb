import { call } from '../api/client'
import { useArchiveStore } from '../stores/archive'

export async function chooseAndOpen(kind: 'file' | 'folder'): Promise<void> {
  const { path, token } = await call('chooseArchive', { kind })
  if (path && token) await useArchiveStore.getState().open({ path, token })
}
