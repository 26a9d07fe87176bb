import { mkdirSync } from 'node:fs'
import { homedir, platform } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Where the app keeps its own files. EXPORTSCOPE_HOME wins so tests never touch a real profile;
 * otherwise the shell's user-data folder (Electron's app.getPath('userData')), or the OS's
 * conventional place when there is no shell (the CLI).
 */
export function resolveHome(env: NodeJS.ProcessEnv, shellUserData?: string): string {
  if (env.EXPORTSCOPE_HOME) return resolve(env.EXPORTSCOPE_HOME)
  if (shellUserData) return shellUserData
  return defaultUserData(env)
}

function defaultUserData(env: NodeJS.ProcessEnv): string {
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Exportscope')
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Exportscope')
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Exportscope')
  }
}

/** Creates the folder owner-only, since it will hold case files about a stranger's data. */
export function ensureHome(home: string): string {
  mkdirSync(home, { recursive: true, mode: 0o700 })
  return home
}
