export type ElectronFound = { path: string } | { reason: string; missing: 'package' | 'override' | 'download' }
export function findElectron(pkgDir?: string): ElectronFound
export function platformPath(platform?: string): string
export function failureNote(pkgDir?: string): string
export const defaultPkgDir: string
