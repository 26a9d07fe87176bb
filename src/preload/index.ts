import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { CALL_CHANNEL_PREFIX, CALL_NAMES, DROP_CHANNEL, EVENT_CHANNEL, EVENT_NAMES } from '../shared/ipc/names'

type Listener = (payload: unknown) => void
const listeners = new Map<string, Set<Listener>>()

// One IPC listener for all events; the renderer's callbacks never see the IPC event or its sender.
ipcRenderer.on(EVENT_CHANNEL, (_event, message: { name: string; payload: unknown }) => {
  listeners.get(message?.name)?.forEach((fn) => fn(message.payload))
})

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (request: unknown) => ipcRenderer.invoke(CALL_CHANNEL_PREFIX + name, request ?? {})])
)

const bridge = Object.freeze({
  ...calls,
  on(event: string, listener: Listener): () => void {
    if (!(EVENT_NAMES as readonly string[]).includes(event) || typeof listener !== 'function') return () => {}
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    set.add(listener)
    return () => set.delete(listener)
  },
  // Only a file the person really dropped has a path (a File made by script has none), so the page
  // cannot name a path of its own: main grants a token for this one, and openArchive takes only tokens.
  async tokenForFile(file: unknown): Promise<{ path: string; token: string } | null> {
    const path = file instanceof File ? webUtils.getPathForFile(file) : ''
    if (!path) return null
    const token: unknown = await ipcRenderer.invoke(DROP_CHANNEL, path)
    return typeof token === 'string' ? { path, token } : null
  }
})

contextBridge.exposeInMainWorld('exportscope', bridge)
