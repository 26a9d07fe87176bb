import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { dispatch, type Handlers } from '../shared/ipc/dispatch'
import { events, type EventName, type EventPayload } from '../shared/ipc/events'
import { CALL_CHANNEL_PREFIX, CALL_NAMES, DROP_CHANNEL, EVENT_CHANNEL } from '../shared/ipc/names'
import { fail } from '../shared/ipc/result'
import { isTrustedSender } from './security'

/** Registers every contract call; each checks its sender frame, then takes the shared dispatch path. */
export function registerCalls(handlers: Handlers, devServerUrl?: string): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(CALL_CHANNEL_PREFIX + name, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame
      const trusted = isTrustedSender(frame ? { url: frame.url, isTop: frame === event.sender.mainFrame } : null, devServerUrl)
      if (!trusted) return fail('forbidden-sender', `The call ${name} came from a frame that is not the app's own.`)
      return dispatch(handlers, name, payload)
    })
  }
}

/**
 * The preload's own channel for drops: it sends the path webUtils found for a dropped File (page
 * script cannot reach this channel, and a File it makes has no path); the answer is the token
 * openArchive takes.
 */
export function registerDrops(grant: (path: string) => string, devServerUrl?: string): void {
  ipcMain.handle(DROP_CHANNEL, (event: IpcMainInvokeEvent, path: unknown) => {
    const frame = event.senderFrame
    if (!isTrustedSender(frame ? { url: frame.url, isTop: frame === event.sender.mainFrame } : null, devServerUrl)) return null
    return typeof path === 'string' && path.length > 0 && path.length <= 4096 ? grant(path) : null
  })
}

export function eventSender(getWindow: () => BrowserWindow | null) {
  return <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    const checked = events[name].parse(payload)
    const win = getWindow()
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { name, payload: checked })
  }
}
