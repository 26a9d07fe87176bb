import fc from 'fast-check'

/**
 * Byte-level damage to a valid input: what a flaky download, a bad disk or an attacker does to an
 * export. Positions are plain numbers taken modulo the length, so one plan fits any seed file.
 */
export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'int'; at: number; value: number; width: 2 | 4 }
  | { op: 'cut'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'duplicate'; from: number; length: number; to: number }
  | { op: 'splice'; donor: number; from: number; length: number; to: number }

// Values that sit on the edges of length, offset and count fields.
const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff]

const at = fc.nat()
const length = fc.integer({ min: 1, max: 4096 })

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), at, value: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('int' as const), at, value: fc.constantFrom(...INTERESTING), width: fc.constantFrom(2 as const, 4 as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), from: at, length, to: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('splice' as const), donor: fc.nat(), from: at, length, to: at }) }
)

/** One fuzz input: which seed file to start from, and what to do to it. */
export const planArb = fc.record({ seed: fc.nat(), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 8 }) })
export type Plan = { seed: number; mutations: Mutation[] }

export function applyMutation(input: Buffer, m: Mutation, donors: readonly Buffer[]): Buffer {
  const n = input.length
  if (n === 0) return m.op === 'insert' ? Buffer.from(m.bytes) : input
  switch (m.op) {
    case 'flip': {
      const out = Buffer.from(input)
      out[m.at % n] = out[m.at % n]! ^ (1 << m.bit)
      return out
    }
    case 'set': {
      const out = Buffer.from(input)
      out[m.at % n] = m.value
      return out
    }
    case 'int': {
      const out = Buffer.from(input)
      const i = m.at % n
      if (i + m.width > n) return out
      // Both byte orders occur: ZIP and WAV are little-endian, MP4 and Ogg CRCs big-endian.
      if (m.width === 2) (m.at & 1 ? out.writeUInt16BE : out.writeUInt16LE).call(out, m.value & 0xffff, i)
      else (m.at & 1 ? out.writeUInt32BE : out.writeUInt32LE).call(out, m.value >>> 0, i)
      return out
    }
    case 'cut':
      return input.subarray(0, m.at % n)
    case 'delete': {
      const i = m.at % n
      return Buffer.concat([input.subarray(0, i), input.subarray(i + m.length)])
    }
    case 'insert': {
      const i = m.at % (n + 1)
      return Buffer.concat([input.subarray(0, i), Buffer.from(m.bytes), input.subarray(i)])
    }
    case 'duplicate': {
      const from = m.from % n
      const piece = input.subarray(from, from + m.length)
      const to = m.to % (n + 1)
      return Buffer.concat([input.subarray(0, to), piece, input.subarray(to)])
    }
    case 'splice': {
      const donor = donors.length ? donors[m.donor % donors.length]! : input
      if (donor.length === 0) return input
      const from = m.from % donor.length
      const piece = donor.subarray(from, from + m.length)
      const to = m.to % n
      return Buffer.concat([input.subarray(0, to), piece, input.subarray(to + piece.length)])
    }
  }
}

export function applyPlan(seeds: readonly Buffer[], plan: Plan): Buffer {
  let bytes = seeds[plan.seed % seeds.length]!
  for (const m of plan.mutations) bytes = applyMutation(bytes, m, seeds)
  return bytes
}
