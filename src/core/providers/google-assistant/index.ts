import type { Account } from '../../../shared/model/recording'
import { AudioLookup } from '../audio-lookup'
import type { ExportView, ViewEntry } from '../export-view'
import type { Timed } from '../match-by-time'
import { stableId } from '../ids'
import { problem } from '../read-text'
import type { DeviceFact, ParseContext, ProviderDescriptor, ProviderItem, Recognition } from '../types'
import { readTakeoutAccount } from './account'
import { readActivityFile } from './activity-file'
import { audioNameTime, GOOGLE } from './activity-item'
import { locateTakeoutRoots, type TakeoutRoot } from './takeout'

const located = new WeakMap<ExportView, TakeoutRoot[]>()
const rootsOf = (view: ExportView): TakeoutRoot[] => {
  let roots = located.get(view)
  if (!roots) located.set(view, (roots = locateTakeoutRoots(view)))
  return roots
}

function recognize(view: ExportView): Recognition {
  const roots = rootsOf(view)
  const activity = roots.flatMap((r) => r.activity)
  if (activity.length > 0) return { confidence: 0.95, reason: `Google Takeout with Assistant activity: ${activity[0]!.path}` }
  const audio = roots.flatMap((r) => r.audio)
  if (audio.length > 0) return { confidence: 0.8, reason: `Google Takeout with ${audio.length} Assistant audio files` }
  if (roots.length > 0) return { confidence: 0.3, reason: 'a Google Takeout without Assistant activity' }
  return { confidence: 0, reason: 'no Takeout folder' }
}

const folderOf = (e: ViewEntry) => e.segments.slice(0, -1).join('/')

/**
 * The one device a Takeout tree stands for: its account's Assistant. Items name no speaker or
 * phone, so each account is one lane, and a second account's tree is a lane of its own.
 */
function accountDevice(accountId: string | null, root: number): DeviceFact {
  return { key: accountId ? `account:${accountId.toLowerCase()}` : `takeout-root:${root}`, name: accountId ? `Google Assistant (${accountId})` : 'Google Assistant', serial: null, type: 'Google account' }
}

function audioOnly(a: ViewEntry, accountId: string | null, deviceKey: string): ProviderItem {
  const t = audioNameTime(a.base)
  return {
    type: 'recording',
    recording: {
      id: stableId('r', GOOGLE, a.key),
      provider: GOOGLE,
      time: t === null ? null : new Date(t).toISOString(),
      archiveTime: a.entry.info.localTime,
      deviceId: deviceKey,
      accountId,
      audio: { path: a.path, part: a.part, size: a.entry.info.size },
      durationMs: null,
      transcript: null,
      response: null,
      language: null,
      signals: ['metadata-missing'],
      source: { file: a.path, part: a.part, line: null, fields: { audio: a.path } }
    }
  }
}

/** Each folder's audio with the time its name gives, sorted by it: worked out once per root, not once per activity file beside it. */
function timedAudioByFolder(audio: readonly ViewEntry[]): Map<string, Array<Timed<ViewEntry>>> {
  const byFolder = new Map<string, Array<Timed<ViewEntry>>>()
  for (const a of audio) {
    const t = audioNameTime(a.base)
    if (t === null) continue
    const folder = folderOf(a)
    const list = byFolder.get(folder)
    if (list) list.push({ t, item: a })
    else byFolder.set(folder, [{ t, item: a }])
  }
  for (const list of byFolder.values()) list.sort((x, y) => x.t - y.t)
  return byFolder
}

async function* parse(view: ExportView, ctx: ParseContext): AsyncGenerator<ProviderItem> {
  const lookup = new AudioLookup(view)
  const accounts: Account[] = []
  const roots = rootsOf(view)
  // Takeout names no device for Assistant items (formats.md), nor which devices the account has.
  if (roots.length > 0) yield { type: 'registration-unknown' }
  for (const [i, root] of roots.entries()) {
    yield* readTakeoutAccount(view, root, i === 0 ? 'owner' : 'other', accounts)
    const accountId = accounts[i]?.emails[0] ?? null
    const device = accountDevice(accountId, i)
    yield { type: 'device', device }
    const deviceKey = device.key
    const used = new Set<string>()
    if (root.activity.length === 0 && root.audio.length > 0) {
      yield { type: 'problem', problem: problem(GOOGLE, 'missing-file', root.audio[0]!.path, 'Assistant audio without an activity file (MyActivity.json or .html): the recordings are listed with what their names say.') }
    }
    const timedByFolder = timedAudioByFolder(root.audio)
    for (const file of root.activity) {
      const folderTimed = timedByFolder.get(folderOf(file)) ?? []
      yield* readActivityFile(view, file, ctx, { accountId, deviceKey, folderTimed, lookup, used })
    }
    for (const a of root.audio) if (!used.has(a.key) && !ctx.claimed.has(a)) yield audioOnly(a, accountId, deviceKey)
    yield { type: 'claim', keys: [...used, ...root.audio.map((a) => a.key)] }
  }
}

export const googleAssistant: ProviderDescriptor = { id: GOOGLE, name: 'Google Assistant', recognize, parse }
