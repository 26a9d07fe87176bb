import { makeClip, type ClipOptions } from './clips'
import { amazonAccountFiles } from './amazon-files'
import type { AmazonVariations } from './amazon-current'
import type { Plan } from './plan'
import type { Random } from './random'
import type { GenNode } from './tree'
import type { TruthRecording } from './truth'
import { transcriptPdf } from './transcript-pdf'

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19)

/**
 * The 2018 answer (heise/c't): the requester's own files, then flat WAV files named by time and
 * device serial, and one PDF with the transcripts. Our names; the real ones are not public.
 */
export async function amazon2018(plan: Plan, rng: Random, v: AmazonVariations, clips: ClipOptions, mtime: Date): Promise<{ nodes: GenNode[]; truth: TruthRecording[] }> {
  const nodes: GenNode[] = amazonAccountFiles(plan, v.missing, v.csv)
  const truth: TruthRecording[] = []
  const n = plan.recordings.length
  const withoutAudio = new Set(Array.from({ length: v.rowsWithoutAudio }, (_, i) => Math.floor(((i + 0.5) * n) / Math.max(1, v.rowsWithoutAudio))))
  const rows = []
  for (const [i, r] of plan.recordings.entries()) {
    const [date, time] = stamp(r.time).split('T') as [string, string]
    const name = `audio_${date}_${time.replace(/:/g, '-')}_${r.device?.serial ?? 'UNKNOWN'}.wav`
    const hasAudio = !withoutAudio.has(i)
    if (hasAudio) nodes.push({ path: name, content: await makeClip(r.transcript, r.language, r.speaker.voice, rng, { ...clips, format: 'wav' }) })
    rows.push({ time: `${date} ${time} UTC`, device: r.device?.name ?? '', transcript: r.transcript })
    truth.push({ time: `${stamp(r.time)}.000Z`, audioPath: hasAudio ? name : null, part: null, deviceSerial: r.device?.serial ?? null, transcript: r.transcript, hasMetadata: true, foreign: r.foreign, reasons: r.reasons })
  }
  for (let i = 0; i < v.audioWithoutRows; i++) {
    // Audio the PDF does not list: its name still carries the time, so only the words are missing.
    const t = plan.recordings[plan.recordings.length - 1]!.time + (i + 1) * 3_600_000
    const [date, time] = stamp(t).split('T') as [string, string]
    const serial = plan.recordings[0]?.device?.serial ?? 'UNKNOWN'
    const name = `audio_${date}_${time.replace(/:/g, '-')}_${serial}.wav`
    nodes.push({ path: name, content: await makeClip(plan.stranger.partner, plan.stranger.language, plan.stranger.voice, rng, { ...clips, format: 'wav' }) })
    truth.push({ time: `${stamp(t)}.000Z`, audioPath: name, part: null, deviceSerial: serial, transcript: null, hasMetadata: false, foreign: plan.reasons.includes('seed'), reasons: plan.reasons.includes('seed') ? ['seed'] : [] })
  }
  if (v.missing.includes('voice-history')) {
    // Without the PDF each WAV keeps only what its name says: time and device serial.
    for (const t of truth) Object.assign(t, { transcript: null, hasMetadata: false })
    truth.splice(0, truth.length, ...truth.filter((t) => t.audioPath !== null))
  } else nodes.push({ path: 'Alexa Transcripts.pdf', content: await transcriptPdf(rows, 'Alexa – Sprachaufnahmen / Voice recordings', mtime) })
  return { nodes, truth }
}
