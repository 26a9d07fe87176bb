import { describe, expect, it } from 'vitest'
import { transcriptPdf } from '../../generate/transcript-pdf'
import { FIELD_LIMIT } from '../clip'
import { readExport } from '../read-export'
import { memoryArchive } from '../testing/memory-archive'
import { rowStartOf } from './transcript-pdf'

describe('rowStartOf', () => {
  it('splits a row\'s first cell into its stamp and what follows', () => {
    expect(rowStartOf('2018-05-01 10:15:30 UTC Echo Dot')).toEqual({ stamp: '2018-05-01 10:15:30 UTC', rest: 'Echo Dot' })
    expect(rowStartOf('2018-05-01T10:15+02:00')).toEqual({ stamp: '2018-05-01T10:15+02:00', rest: '' })
    expect(rowStartOf('2018-05-01 10:15   ')).toEqual({ stamp: '2018-05-01 10:15   ', rest: '' })
    expect(rowStartOf('Page 3')).toBeNull()
  })

  it('takes no cell whose text after the stamp spans lines as a row start', () => {
    expect(rowStartOf('2018-05-01 10:15 Echo\nDot')).toBeNull()
    expect(rowStartOf('2018-05-01 10:15 \n Echo Dot')).toEqual({ stamp: '2018-05-01 10:15 \n ', rest: 'Echo Dot' })
  })

  it('answers a stamp, 100,000 spaces and a line end at once (the one pattern tried every split of the spaces: 4,000 took 22 s)', () => {
    expect(rowStartOf(`2018-05-01 10:15 ${' '.repeat(100_000)}\u0000\nX`)).toBeNull()
  })
})

describe('a transcript PDF row that runs on', () => {
  it('keeps its words and source text cut as every reader cuts them, however many lines of its page follow it', async () => {
    const words = 'wie wird das Wetter morgen in der Stadt '.repeat(150)
    const pdf = await transcriptPdf([{ time: '2018-05-01 10:15:30 UTC', device: 'Echo Wohnzimmer', transcript: words }], 'Alexa transcripts', new Date(0))
    const reading = await readExport(await memoryArchive({ parts: [], mtime: new Date(0) }, [
        { path: 'audio_2018-05-01_10-15-30_G090LF1122334455.wav', content: 'x' },
        { path: 'Alexa Transcripts.pdf', content: pdf }
      ]))
    expect(reading.recordings).toHaveLength(1)
    const [r] = reading.recordings
    expect(r!.transcript!.startsWith('wie wird das Wetter')).toBe(true)
    expect(r!.transcript!.length).toBe(FIELD_LIMIT)
    expect(r!.source.fields.text!.length).toBe(FIELD_LIMIT)
  })
})
