import { describe, expect, it } from 'vitest'
import { FIELD_LIMIT } from '../clip'
import { transcriptOf } from './activity-item'

describe('transcriptOf', () => {
  it('takes the words out of the title as each language writes it', () => {
    expect(transcriptOf('Said "what is the weather"')).toBe('what is the weather')
    expect(transcriptOf('„Wie wird das Wetter“ gesagt')).toBe('Wie wird das Wetter')
    expect(transcriptOf('Gesagt: „Licht an“')).toBe('Licht an')
    expect(transcriptOf('A dit « quelle heure est-il »')).toBe('quelle heure est-il')
    expect(transcriptOf('Said ""')).toBeNull()
    expect(transcriptOf(undefined)).toBeNull()
  })

  it("keeps a 'gesagt' that is part of the words, not the verb after them", () => {
    expect(transcriptOf('Said "nichtsgesagt"')).toBe('nichtsgesagt')
    expect(transcriptOf('Said "nichts gesagt"')).toBe('nichts gesagt')
  })

  it('reads a title of 200,000 quotes or spaces inside the words at once (patterns tried from each of them took the square)', () => {
    const quotes = transcriptOf(`Said x${'"'.repeat(200_000)}y`)
    expect(quotes?.startsWith('x""')).toBe(true)
    expect(quotes?.length).toBe(FIELD_LIMIT)
    const spaces = transcriptOf(`Said x${' '.repeat(200_000)}y gesagt`)
    expect(spaces?.startsWith('x   ')).toBe(true)
  })
})
