import type { ExportView, ViewEntry } from '../export-view'
import { perFolder } from '../per-folder'

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

// The substring test first: entries outside any Takeout tree never split their path.
const inTakeout = (e: ViewEntry): boolean => e.norm.includes('takeout')

/**
 * Whether the path may lie in a Takeout tree (names a 'takeout' anywhere), with the substring test
 * made once per folder (100,000 clips of an Alexa export share a few): a path outside any Takeout
 * tree is passed on its base name alone.
 */
function takeoutJudge(): (e: ViewEntry) => boolean {
  const folderSays = perFolder((folder) => folder.includes('takeout'))
  return (e) => {
    const { norm, cut } = e
    if (cut < 0 || cut === norm.length - 1) return inTakeout(e)
    return folderSays(norm, cut) || norm.includes('takeout', cut + 1)
  }
}

export function locateTakeoutRoots(view: ExportView): TakeoutRoot[] {
  const roots = new Map<string, TakeoutRoot>()
  const mayBeInTakeout = takeoutJudge()
  for (const e of view.entries) {
    if (!mayBeInTakeout(e)) continue
    // Split once: the view does not keep an entry's segments.
    const segments = e.segments
    const at = segments.indexOf('takeout')
    if (at < 0) continue
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
  for (const root of roots.values()) {
    const jsonFolders = new Set(root.activity.filter((e) => e.ext === 'json').map((e) => e.segments.slice(0, -1).join('/')))
    root.activity = root.activity.filter((e) => e.ext === 'json' || !jsonFolders.has(e.segments.slice(0, -1).join('/')))
  }
  // The shallowest root is the download itself; deeper ones were put inside it.
  return [...roots.values()].sort((a, b) => a.key.split('/').length - b.key.split('/').length || a.key.localeCompare(b.key))
}
