import pkg from '../../package.json'

export const appName = 'Exportscope'
export const appVersion: string = pkg.version
