import { describe, expect, it } from 'vitest'
import { rowWave } from './row-wave'

const peaks = (values: number[]) => ({ max: Int16Array.from(values.map((v) => Math.max(0, v))), min: Int16Array.from(values.map((v) => Math.min(0, -v))) })

describe('row waveforms', () => {
  it('folds many buckets into few, keeping each span’s loudest sample', () => {
    const wave = rowWave(peaks([0, 100, 16384, 0, 0, 0, 3276, 0]), 4)
    expect(wave).toEqual([0, 50, 0, 10])
  })
  it('marks clipping with 100 and silence with 0', () => {
    const wave = rowWave(peaks([32767, 32767, 0, 0]), 2)
    expect(wave).toEqual([100, 0])
  })
  it('stretches short peaks over more buckets, and answers zeros for empty peaks', () => {
    expect(rowWave(peaks([16384, 0]), 4)).toEqual([50, 50, 0, 0])
    expect(rowWave(peaks([]), 3)).toEqual([0, 0, 0])
  })
  it('reads the negative side too', () => {
    expect(rowWave({ max: Int16Array.from([0]), min: Int16Array.from([-32768]) }, 1)).toEqual([100])
  })
})
