import type { ExportView, ViewEntry } from '../export-view'

/** One Takeout tree inside the export: normally one, a second one is another account's data. */
export interface TakeoutRoot {
  /** Normalised path of the 'Takeout' folder, e.g. 'takeout' or 'takeout-20240301t101010z-002/takeout'. */
  key: string
  /** Activity files of the assistant, JSON preferred over the HTML twin in the same folder. */
  activity: ViewEntry[]
  /** Audio in the assistant's activity folders. */
  audio: ViewEntry[]
  /** The top-level index page (archive_browser.html, Archiv_Übersicht.html, …): it names the account. */
  indexPages: ViewEntry[]
  profiles: ViewEntry[]
}

// Folder names follow the account's language; the assistant's folder keeps its product name.
const ASSISTANT_FOLDER = /^(assistant|google assistant|voice and audio|voice & audio|sprach- und audioaktivitäten|sprach- & audioaktivitäten|audio)$/
const PROFILE_FOLDER = /^(profile|profil)$/

/**
 * Whether an entry can have a segment named 'takeout', judged per run of one folder (view.folders):
 * in a folder whose name holds no 'takeout' (every clip of an Alexa export) only an entry whose
 * base name is 'takeout' can, which its length tells at once.
 */
const maybeInTakeout = (e: ViewEntry, folderSays: boolean, cut: number): boolean => folderSays || (e.norm.length - cut - 1 === 7 && e.norm.endsWith('takeout'))

export function locateTakeoutRoots(view: ExportView): TakeoutRoot[] {
  const roots = new Map<string, TakeoutRoot>()
  const entries = view.entries
  for (const run of view.folders) {
    // A name that ends in '/' is judged whole: its folder is not the run's.
    const folderSays = run.odd || run.folder.includes('takeout')
    for (let i = run.from; i < run.to; i++) {
      const e = entries[i]!
      if (maybeInTakeout(e, folderSays, run.cut)) addToRoot(roots, e)
    }
  }
  for (const root of roots.values()) {
    const jsonFolders = new Set(root.activity.filter((e) => e.ext === 'json').map((e) => e.segments.slice(0, -1).join('/')))
    root.activity = root.activity.filter((e) => e.ext === 'json' || !jsonFolders.has(e.segments.slice(0, -1).join('/')))
  }
  // The shallowest root is the download itself; deeper ones were put inside it.
  return [...roots.values()].sort((a, b) => a.key.split('/').length - b.key.split('/').length || a.key.localeCompare(b.key))
}

/** Files the entry under its Takeout root when one of its segments is 'takeout'. */
function addToRoot(roots: Map<string, TakeoutRoot>, e: ViewEntry): void {
  // Split once: the view does not keep an entry's segments.
  const segments = e.segments
  const at = segments.indexOf('takeout')
  if (at < 0) return
  const key = segments.slice(0, at + 1).join('/')
  let root = roots.get(key)
  if (!root) roots.set(key, (root = { key, activity: [], audio: [], indexPages: [], profiles: [] }))
  const inside = segments.slice(at + 1)
  const folder = inside[inside.length - 2] ?? ''
  if (inside.length === 1 && e.ext === 'html') root.indexPages.push(e)
  else if (PROFILE_FOLDER.test(folder) && e.ext === 'json') root.profiles.push(e)
  else if (inside.length >= 3 && ASSISTANT_FOLDER.test(folder)) {
    if (e.ext === 'json' || e.ext === 'html') root.activity.push(e)
    else if (e.audio) root.audio.push(e)
  }
}
