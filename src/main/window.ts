import { BrowserWindow, nativeTheme } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, applySecurity, secureWebPreferences } from './security'

export function createMainWindow(devServerUrl?: string): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Exportscope',
    width: 1280,
    height: 820,
    minWidth: 860,
    minHeight: 560,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f7f7f9',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'), { devTools: Boolean(devServerUrl) })
  })
  applySecurity(win.webContents.session, win.webContents, devServerUrl)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}
