import { app, BrowserWindow, dialog, Menu } from 'electron'
import { join } from 'node:path'
import { ensureHome, resolveHome } from '../core/home'
import { createServices } from '../core/services'
import { eventSender, registerCalls, registerDrops } from './ipc'
import { buildMenu } from './menu'
import { mediaUrl, registerSchemes, serveMediaScheme, serveRenderer } from './renderer-protocol'
import { createMainWindow } from './window'

// Only electron-vite's dev server sets this; a packaged or previewed app loads app://exportscope.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
let mainWindow: BrowserWindow | null = null

registerSchemes()
if (!app.requestSingleInstanceLock()) app.quit()

app.whenReady().then(() => {
  const emit = eventSender(() => mainWindow)
  const services = createServices({
    shell: 'electron',
    home: ensureHome(resolveHome(process.env, app.getPath('userData'))),
    emit,
    mediaUrl,
    async chooseArchive(kind) {
      const options = {
        title: kind === 'folder' ? 'Open an unpacked export' : 'Open an export',
        properties: [kind === 'folder' ? ('openDirectory' as const) : ('openFile' as const)],
        filters: kind === 'folder' ? [] : [{ name: 'Exports', extensions: ['zip', 'tar', 'tgz', 'gz'] }, { name: 'All files', extensions: ['*'] }]
      }
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseSavePath({ kind, title, defaultName, extensions }) {
      if (kind === 'folder') {
        const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
        return result.canceled ? null : (result.filePaths[0] ?? null)
      }
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters: extensions?.length ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [] }
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      return result.canceled ? null : (result.filePath ?? null)
    }
  })
  registerCalls(services.handlers, devServerUrl)
  registerDrops((path) => services.grantPath(path, 'drop'), devServerUrl)
  serveRenderer(join(__dirname, '../renderer'))
  serveMediaScheme(services.media)
  Menu.setApplicationMenu(buildMenu((command) => emit('app.command', { command }), Boolean(devServerUrl)))
  mainWindow = createMainWindow(devServerUrl)
  mainWindow.on('closed', () => (mainWindow = null))
  app.on('before-quit', () => void services.dispose())
})

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})
app.on('window-all-closed', () => app.quit())
