import { encodeMp3 } from './mp3'
import { espeakSpeech } from './espeak'
import type { Language } from './people'
import type { Random } from './random'
import { synthesizeSpeech, type Voice } from './speech'
import { encodeWav } from './wav'

export interface ClipOptions {
  format: 'wav' | 'mp3'
  /** 'synth' is our own, always there; 'espeak' calls espeak-ng, which must be installed. */
  speech: 'synth' | 'espeak'
  sampleRate: number
  maxSeconds: number
}

export const DEFAULT_CLIPS: ClipOptions = { format: 'wav', speech: 'synth', sampleRate: 16_000, maxSeconds: 4 }

/** One voice clip saying `text`, encoded as the provider ships it. */
export async function makeClip(text: string, language: Language, voice: Voice, rng: Random, o: ClipOptions): Promise<Buffer> {
  const { samples, sampleRate } =
    o.speech === 'espeak'
      ? espeakSpeech(text, language, Math.round(voice.f0))
      : { samples: synthesizeSpeech(text, voice, rng, o.sampleRate, o.maxSeconds), sampleRate: o.sampleRate }
  return o.format === 'mp3' ? encodeMp3(samples, sampleRate) : encodeWav(samples, sampleRate)
}
