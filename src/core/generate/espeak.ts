import { spawnSync } from 'node:child_process'

/** Whether espeak-ng can be run here; richer fixtures use it, nothing requires it. */
export function espeakAvailable(): boolean {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' })
  return r.status === 0
}

/** espeak-ng's speech for `text` as 16-bit mono PCM at its own rate (22,050 Hz). */
export function espeakSpeech(text: string, language: 'en' | 'de', variant: number): { samples: Int16Array; sampleRate: number } {
  const voice = `${language}+${variant % 2 === 0 ? 'm' : 'f'}${(variant % 4) + 1}`
  const r = spawnSync('espeak-ng', ['-v', voice, '-s', '160', '--stdout', text], { maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0 || !r.stdout) throw new Error(`espeak-ng failed: ${r.stderr?.toString() ?? r.error?.message}`)
  const wav = r.stdout
  const sampleRate = wav.readUInt32LE(24)
  let at = 12
  while (at + 8 <= wav.length && wav.toString('ascii', at, at + 4) !== 'data') at += 8 + wav.readUInt32LE(at + 4)
  // espeak writes 0xFFFFFFFF as the data size when writing to a pipe: take what is there.
  const start = at + 8
  const samples = new Int16Array(Math.floor((wav.length - start) / 2))
  for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(start + i * 2)
  return { samples, sampleRate }
}
