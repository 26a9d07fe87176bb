/**
 * Where a sealed original sits in the bundle: sealed/[part/]path. A nested archive becomes a folder
 * ('Alexa.zip!/a.wav' → 'Alexa.zip/a.wav'), since a reader of the bundle would take '!/' for a ZIP
 * inside it; any step that would leave the folder ('..', '.') is neutralised.
 */
export function sealedName(part: string | null, path: string): string {
  const safe = path
    .replace(/!\//g, '/')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (s === '..' || s === '.' ? '_' : s.replace(/\\/g, '_')))
    .join('/')
  return `sealed/${part ? `${part.replace(/[\\/]/g, '_')}/` : ''}${safe}`
}
