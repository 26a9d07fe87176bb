import { segmentsOf, type ExportView, type ViewEntry } from '../export-view'

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

const rootOf = (roots: Map<string, TakeoutRoot>, key: string): TakeoutRoot => {
  let root = roots.get(key)
  if (!root) roots.set(key, (root = { key, activity: [], audio: [], indexPages: [], profiles: [] }))
  return root
}

/**
 * Files one entry by where it sits inside its Takeout tree: `depth` is how many segments of its
 * path follow the tree's 'takeout' segment (its base name included), `folder` the one before the
 * base name ('' when there is none).
 */
function file(root: TakeoutRoot, e: ViewEntry, depth: number, folder: string): void {
  if (depth === 1 && e.ext === 'html') root.indexPages.push(e)
  else if (PROFILE_FOLDER.test(folder) && e.ext === 'json') root.profiles.push(e)
  else if (depth >= 3 && ASSISTANT_FOLDER.test(folder)) {
    if (e.ext === 'json' || e.ext === 'html') root.activity.push(e)
    else if (e.audio) root.audio.push(e)
  }
}

/** Files the entry under its Takeout root when one of its segments is 'takeout', from its whole path. */
function addToRoot(roots: Map<string, TakeoutRoot>, e: ViewEntry): void {
  const segments = e.segments
  const at = segments.indexOf('takeout')
  if (at < 0) return
  const inside = segments.length - at - 1
  file(rootOf(roots, segments.slice(0, at + 1).join('/')), e, inside, inside >= 2 ? segments[segments.length - 2]! : '')
}

/**
 * The Takeout trees of the export, judged per run of one folder (view.folders): a run's folder is
 * split into segments once, and its entries are filed by extension alone. In a folder with no
 * 'takeout' segment (every clip of an Alexa export) only an entry whose base name is 'takeout'
 * has one, which its length tells at once.
 */
export function locateTakeoutRoots(view: ExportView): TakeoutRoot[] {
  const roots = new Map<string, TakeoutRoot>()
  const entries = view.entries
  for (const run of view.folders) {
    if (run.odd) {
      // A name that ends in '/' is judged whole: its folder is not the run's.
      for (let i = run.from; i < run.to; i++) addToRoot(roots, entries[i]!)
      continue
    }
    const segments = run.folder.includes('takeout') ? segmentsOf(run.folder) : []
    const at = segments.indexOf('takeout')
    if (at < 0) {
      for (let i = run.from; i < run.to; i++) {
        const e = entries[i]!
        if (e.normLength - run.cut - 1 === 7 && e.normHas('takeout', run.cut + 1)) addToRoot(roots, e)
      }
      continue
    }
    // Every entry of the run: the folder's segments, then its base name.
    const root = rootOf(roots, segments.slice(0, at + 1).join('/'))
    const depth = segments.length - at
    const folder = depth >= 2 ? segments[segments.length - 1]! : ''
    for (let i = run.from; i < run.to; i++) file(root, entries[i]!, depth, folder)
  }
  for (const root of roots.values()) {
    const jsonFolders = new Set(root.activity.filter((e) => e.ext === 'json').map((e) => e.segments.slice(0, -1).join('/')))
    root.activity = root.activity.filter((e) => e.ext === 'json' || !jsonFolders.has(e.segments.slice(0, -1).join('/')))
  }
  // The shallowest root is the download itself; deeper ones were put inside it.
  return [...roots.values()].sort((a, b) => a.key.split('/').length - b.key.split('/').length || a.key.localeCompare(b.key))
}
