import { call } from '../api/client'
import { useStore } from '../stores'

export async function chooseAndOpen(kind: 'file' | 'folder'): Promise<void> {
  const { path, token } = await call('chooseArchive', { kind })
  if (path && token) await useStore.getState().archive.open({ path, token })
}
