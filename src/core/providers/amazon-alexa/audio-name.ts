import { toUtcIso } from '../time'

// Our 2018 reference names carry the UTC time and the device serial: audio_2018-05-14_07-32-11_G090LF0974340XPH.wav
const TIME_IN_NAME = /(\d{4})-(\d{2})-(\d{2})[T_ ](\d{2})[-_.:](\d{2})[-_.:](\d{2})(?:[._](\d{3}))?/
const SERIAL_IN_NAME = /(?:^|[_\- ])((?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{12,20})(?=[_\- .]|$)/

/** What an audio file's own name says: a time (read as UTC, the reference layout's rule) and a device serial. */
export function readAudioName(fileName: string): { time: string | null; serial: string | null } {
  const t = TIME_IN_NAME.exec(fileName)
  const time = t ? toUtcIso(`${t[1]}-${t[2]}-${t[3]}T${t[4]}:${t[5]}:${t[6]}${t[7] ? `.${t[7]}` : ''}Z`) : null
  const s = SERIAL_IN_NAME.exec(fileName.replace(/\.[^.]+$/, ''))
  return { time, serial: s ? s[1]! : null }
}
