import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fill, OWNER, PHRASES } from '../../src/core/generate/people'
import { random } from '../../src/core/voices/cluster'

/**
 * Speakers saying the same words: espeak-ng variants (formant synthesis) and Debian's flite voices
 * (built from recordings of real speakers: kal, awb, rms are men, slt a woman). Each clip is brought
 * to 16 kHz mono with sox, given a room (sox reverb with a random size) and room noise at a random
 * level (15-30 dB below the speech), so no two takes of one phrase are alike.
 */
export interface Speaker {
  id: string
  sex: 'm' | 'f'
  /** The command that writes a WAV of `text` to `out`. */
  say(text: string, out: string): string[]
}

export const SPEAKERS: Speaker[] = [
  { id: 'espeak en-us+m1', sex: 'm', say: (t, o) => ['espeak-ng', '-v', 'en-us+m1', '-s', '165', '-w', o, t] },
  { id: 'espeak en-us+m3', sex: 'm', say: (t, o) => ['espeak-ng', '-v', 'en-us+m3', '-s', '150', '-w', o, t] },
  { id: 'espeak en-us+f2', sex: 'f', say: (t, o) => ['espeak-ng', '-v', 'en-us+f2', '-s', '160', '-w', o, t] },
  { id: 'espeak en-us+f4', sex: 'f', say: (t, o) => ['espeak-ng', '-v', 'en-us+f4', '-s', '170', '-w', o, t] },
  { id: 'flite kal', sex: 'm', say: (t, o) => ['flite', '-voice', 'kal', '-t', t, '-o', o] },
  { id: 'flite awb', sex: 'm', say: (t, o) => ['flite', '-voice', 'awb', '-t', t, '-o', o] },
  { id: 'flite rms', sex: 'm', say: (t, o) => ['flite', '-voice', 'rms', '-t', t, '-o', o] },
  { id: 'flite slt', sex: 'f', say: (t, o) => ['flite', '-voice', 'slt', '-t', t, '-o', o] }
]

/**
 * Other voices for tuning (issue 19): eight more espeak-ng variants (five of them men, the hard
 * case) beside the four flite voices, in rooms of their own. Settings are tuned on this set and on
 * the English set; the German set is only read to check them.
 */
export const DEV_SPEAKERS: Speaker[] = [
  ...['m2', 'm4', 'm5', 'm6', 'm7'].map((v, i): Speaker => ({ id: `espeak en-us+${v}`, sex: 'm', say: (t, o) => ['espeak-ng', '-v', `en-us+${v}`, '-s', String(150 + 6 * i), '-w', o, t] })),
  ...['f1', 'f3', 'f5'].map((v, i): Speaker => ({ id: `espeak en-us+${v}`, sex: 'f', say: (t, o) => ['espeak-ng', '-v', `en-us+${v}`, '-s', String(155 + 7 * i), '-w', o, t] })),
  ...SPEAKERS.slice(4)
]

/**
 * Spanish requests for the second held-out set (issue 19): words no setting was ever tuned on, read
 * by every voice with its own letter-to-sound rules (as flite reads the German ones).
 */
const SPANISH: readonly string[] = [
  'qué tiempo hará mañana en Sevilla',
  'cómo está el tráfico hacia la oficina',
  'llama a mi hermana por favor',
  'recuérdame comprar pan a las siete',
  'pon un temporizador de quince minutos',
  'pon música tranquila en el salón',
  'apaga las luces del dormitorio',
  'va a llover esta tarde en Valencia',
  'añade huevos y tomates a la lista',
  'qué tengo en el calendario el jueves'
]

/**
 * French requests for the third held-out set (issue 19, session 5 continuation): added once the
 * German set had become a development set; generated before any experiment and read once, at the end.
 */
const FRENCH: readonly string[] = [
  'quel temps fera-t-il demain à Lyon',
  "appelle ma sœur s'il te plaît",
  "rappelle-moi d'acheter du lait ce soir",
  'mets un minuteur de dix minutes',
  'joue de la musique douce dans la cuisine',
  'éteins la lumière de la chambre',
  "est-ce qu'il va pleuvoir cet après-midi",
  'ajoute des pommes et du fromage à la liste',
  "qu'est-ce que j'ai au programme vendredi",
  'combien de temps pour aller à la gare'
]

/**
 * Italian requests for the fourth held-out set (issue 19, session 6): added and generated before any
 * experiment on the Spanish split, read once, after the final choice was made.
 */
const ITALIAN: readonly string[] = [
  'che tempo farà domani a Bologna',
  'chiama mio fratello per favore',
  'ricordami di comprare le uova stasera',
  'imposta un timer di venti minuti',
  'metti della musica rilassante in cucina',
  'spegni la luce del bagno',
  'pioverà questo pomeriggio a Torino',
  'aggiungi latte e biscotti alla lista',
  'cosa ho in agenda mercoledì mattina',
  'quanto ci vuole per arrivare in stazione'
]

export const toolsAvailable = (): boolean => ['espeak-ng', 'flite', 'sox'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0)

export interface Clip {
  speaker: number
  /** Which of the set's phrases it says (bench:voices' diagnosis names the phrases a split voice's pieces hold). */
  phrase: number
  wav: Buffer
}

const run = (argv: string[]) => {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'buffer' })
  if (r.status !== 0) throw new Error(`${argv[0]} failed: ${r.stderr?.toString() ?? r.error?.message}`)
}

/** Adds noise in JS: sox's own noise would need a second file of the same length. */
function addNoise(wav: Buffer, snrDb: number, rnd: () => number): Buffer {
  const at = wav.indexOf('data') + 8
  const n = (wav.length - at) >> 1
  let power = 0
  for (let i = 0; i < n; i++) power += wav.readInt16LE(at + 2 * i) ** 2
  const level = Math.sqrt(power / Math.max(1, n)) / 10 ** (snrDb / 20)
  // Brownish room noise: white noise through a one-pole low-pass, scaled to the wanted level.
  let y = 0
  for (let i = 0; i < n; i++) {
    y = 0.95 * y + 0.05 * (rnd() * 2 - 1)
    const v = wav.readInt16LE(at + 2 * i) + y * level * 9
    wav.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v))), at + 2 * i)
  }
  return wav
}

/**
 * `takes` clips of each phrase per speaker, made once and kept under `dir`. `language` 'de' gives
 * other words (every voice reads the German phrases, flite with its English letter-to-sound) and,
 * with its own seed, other rooms: a held-out check on settings tuned on the English set.
 * 'es' reads the Spanish requests above (a second held-out set, with its own seed and rooms), 'fr'
 * the French ones (a third, likewise), 'it' the Italian ones (a fourth, session 6).
 * `replies` reads the phrases' replies instead: other English words, for development.
 */
/** The texts a set's phrases are, in order (bench:voices' diagnosis quotes them). */
export function phrasesOf(language: 'en' | 'de' | 'es' | 'fr' | 'it', phrases: number, replies = false): string[] {
  const texts = language === 'es' ? SPANISH : language === 'fr' ? FRENCH : language === 'it' ? ITALIAN : PHRASES[language].map(([said, reply]) => fill(replies ? reply : said, OWNER, OWNER.friends[0]!))
  return texts.slice(0, phrases)
}

export async function makeCorpus(dir: string, phrases: number, takes: number, language: 'en' | 'de' | 'es' | 'fr' | 'it' = 'en', speakers: Speaker[] = SPEAKERS, seed = language === 'en' ? 1234 : 777, replies = false): Promise<Clip[]> {
  await mkdir(dir, { recursive: true })
  const rnd = random(seed)
  const texts = phrasesOf(language, phrases, replies)
  const clips: Clip[] = []
  for (const [s, speaker] of speakers.entries()) {
    for (const [p, text] of texts.entries()) {
      for (let t = 0; t < takes; t++) {
        const file = join(dir, `${s}-${p}-${t}.wav`)
        const reverb = 20 + Math.floor(rnd() * 50)
        const room = 30 + Math.floor(rnd() * 60)
        const snr = 15 + rnd() * 15
        if (!existsSync(file)) {
          const raw = join(dir, `raw-${s}-${p}.wav`)
          if (!existsSync(raw)) run(speaker.say(text, raw))
          run(['sox', raw, '-r', '16000', '-c', '1', '-b', '16', file, 'reverb', String(reverb), '50', String(room), 'gain', '-n', '-3'])
          await writeFile(file, addNoise(await readFile(file), snr, rnd))
        }
        clips.push({ speaker: s, phrase: p, wav: await readFile(file) })
      }
    }
  }
  return clips
}
