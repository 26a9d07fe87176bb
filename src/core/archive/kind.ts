import type { EntryKind } from '../../shared/model/archive'

const kinds: Record<string, EntryKind> = {}
const add = (kind: EntryKind, exts: string) => exts.split(' ').forEach((e) => (kinds[e] = kind))
add('audio', 'wav mp3 ogg opus oga m4a aac flac amr webm 3gp')
add('document', 'pdf html htm txt')
add('data', 'csv json xml')
add('archive', 'zip tar tgz gz')
add('image', 'png jpg jpeg gif webp')

/** What a file is, by its extension only: cheap, and the providers look closer where it matters. */
export function entryKind(path: string): EntryKind {
  const name = path.slice(path.lastIndexOf('/') + 1)
  // Exports re-zipped on a Mac carry AppleDouble twins ('__MACOSX/…/._clip.wav'): metadata, not audio.
  if (name.startsWith('._') || path.startsWith('__MACOSX/') || path.includes('/__MACOSX/')) return 'other'
  const dot = name.lastIndexOf('.')
  if (dot <= 0 && !name.startsWith('.')) return 'other'
  return kinds[name.slice(dot + 1).toLowerCase()] ?? 'other'
}
