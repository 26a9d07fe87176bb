import { describe, expect, it } from 'vitest'
import { ISO_MAX, isoOfMs, putIso, toUtcIso, wholeSecondMsIn } from './time'

describe('toUtcIso', () => {
  it.each([
    ['2023-02-01T06:20:11Z', '2023-02-01T06:20:11.000Z'],
    ['2023-02-01T07:20:11+01:00', '2023-02-01T06:20:11.000Z'],
    ['2023-07-01T08:00:00+0200', '2023-07-01T06:00:00.000Z'],
    ['2023-02-01 06:20:11', '2023-02-01T06:20:11.000Z'],
    ['2023-02-01T06:20:11.123456Z', '2023-02-01T06:20:11.123Z'],
    ['2018-05-14 07:32:11 UTC', '2018-05-14T07:32:11.000Z'],
    ['2023-02-01T00:30:00-05:00', '2023-02-01T05:30:00.000Z']
  ])('reads %s as %s', (text, iso) => {
    expect(toUtcIso(text)).toBe(iso)
  })

  it.each(['', 'yesterday', '2023-02-30 10:00:00', '2023-13-01T00:00:00Z', '01.02.2023 06:20'])('refuses %j', (text) => {
    expect(toUtcIso(text)).toBeNull()
  })
})

describe('toUtcIso on fixed-format times', () => {
  // The fixed-position reading must answer exactly as Date does, for every day and edge of the form.
  it('agrees with Date on every day of a leap and a common year, and on the edges of each field', () => {
    // Date rolls 29 February 1999 into March: a time is only read when it reads back as written.
    const viaDate = (text: string) => {
      const t = Date.parse(text)
      const iso = Number.isNaN(t) ? null : new Date(t).toISOString()
      return iso !== null && iso.slice(0, 19) === text.slice(0, 19) ? iso : null
    }
    const texts: string[] = []
    for (const year of [1999, 2000, 2023, 2024, 2100]) {
      for (let m = 1; m <= 12; m++) for (let d = 0; d <= 32; d++) texts.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T12:34:56Z`)
    }
    for (const time of ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '7:15:33Z', 'aa:bb:cc']) texts.push(`2023-11-05T${time}Z`)
    for (const text of texts) {
      const answer = toUtcIso(text)
      if (text.endsWith(':60Z') || text.includes('T24:') || text.includes(':60:')) continue
      expect(answer, text).toBe(viaDate(text))
    }
    expect(toUtcIso('2023-11-05T07:15:33.123Z')).toBe('2023-11-05T07:15:33.123Z')
    expect(toUtcIso('2023-11-05T07:15:33.12xZ')).toBeNull()
    expect(toUtcIso('2023-11-05T07:15:33Z')).toBe('2023-11-05T07:15:33.000Z')
    expect(toUtcIso('2024-02-29T07:15:33Z')).toBe('2024-02-29T07:15:33.000Z')
    expect(toUtcIso('2023-02-29T07:15:33Z')).toBeNull()
    // Not the fixed form (a lower-case t): the general reading still takes it.
    expect(toUtcIso('2023-11-05t07:15:33Z')).toBe('2023-11-05T07:15:33.000Z')
  })
})

describe('wholeSecondMsIn, and isoOfMs of its answer', () => {
  let ms = Number.NaN
  const fromBytes = (text: string, pad = 0): string | null => {
    // The text inside other bytes, as a cell lies in a piece of a CSV.
    const buf = Buffer.from(`${'x'.repeat(pad)}${text},more`, 'latin1')
    ms = wholeSecondMsIn(buf, pad, pad + Buffer.byteLength(text, 'latin1'))
    return Number.isNaN(ms) ? null : isoOfMs(ms)
  }

  it('answers as toUtcIso does for the whole-second form, and null where it would not read it by position', () => {
    const texts: string[] = []
    for (const year of [1999, 2000, 2023, 2024, 2100]) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) texts.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T12:34:56Z`)
    }
    for (const time of ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '7:15:33', 'aa:bb:cc', '12:3a:00']) texts.push(`2023-11-05T${time}Z`)
    let read = 0
    for (const text of texts) {
      const answer = fromBytes(text, 7)
      if (answer !== null) {
        read++
        expect(answer, text).toBe(toUtcIso(text))
        // Its milliseconds, from the digits: what Date.parse reads from the answer.
        expect(ms, text).toBe(Date.parse(answer))
      } else if (text.length === 20) {
        // Left to toUtcIso, which reads none of these by position either: out of range, or not digits.
        expect(/T(24:|\d\d:60|\d\d:\d\d:60)/.test(text) || toUtcIso(text) === null, text).toBe(true)
      }
    }
    // Every real day of the five years (2000 and 2024 are leap years, 2100 is not), and the two good times of the day.
    expect(read).toBe(3 * 365 + 2 * 366 + 2)
  })

  it('gives the milliseconds Date.parse gives, for years from 0001 to 9999', () => {
    let n = 0
    for (let year = 1; year <= 9999; year += 37)
      for (const [m, d] of [[1, 1], [2, 28], [3, 1], [12, 31]] as const) {
        const text = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(year % 24).padStart(2, '0')}:07:59Z`
        const answer = fromBytes(text, 3)
        expect(answer, text).not.toBeNull()
        expect(ms, text).toBe(Date.parse(answer!))
        n++
      }
    expect(n).toBe(271 * 4)
  })

  it('isoOfMs and putIso write what Date.toISOString writes: whole and odd milliseconds, before 1970, the edges of years 0000 and 9999, and beyond', () => {
    const edges = [0, -1, 1, 999, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 951_782_400_000, 4_107_542_400_000, 0.5, -8.64e15, 8.64e15]
    // A fixed walk over years 0000-9999 and its edges, at odd milliseconds of the day.
    for (let t = -62_167_219_200_000; t < 253_402_300_800_000; t += 86_400_000 * 97 + 3_723_457) edges.push(t, t - (t % 1000))
    const b = new Uint8Array(3 + ISO_MAX)
    for (const t of edges) {
      const iso = new Date(t).toISOString()
      expect(isoOfMs(t), String(t)).toBe(iso)
      // putIso writes the same bytes after what is there already, and says where they end.
      const end = putIso(t, b, 3)
      expect(Buffer.from(b.subarray(3, end)).toString('latin1'), String(t)).toBe(iso)
    }
    expect(edges.length).toBeGreaterThan(30_000)
  })

  it('reads only that form: the Takeout form, other separators, zones and lengths are left to toUtcIso', () => {
    for (const text of ['2023-11-05T07:15:33.123Z', '2023-11-05 07:15:33Z', '2023-11-05t07:15:33Z', '2023-11-05T07:15:33+00', ' 2023-11-05T07:15:33Z', '2023-11-05T07:15:33z', '2023/11/05T07:15:33Z']) {
      expect(fromBytes(text), text).toBeNull()
    }
    expect(fromBytes('2023-11-05T07:15:33Z')).toBe('2023-11-05T07:15:33.000Z')
    // Each answer is a string of its own: the scratch it is put together in is reused.
    const a = fromBytes('2023-11-05T07:15:33Z')
    const b = fromBytes('2024-02-29T23:59:59Z')
    expect([a, b]).toEqual(['2023-11-05T07:15:33.000Z', '2024-02-29T23:59:59.000Z'])
  })
})
