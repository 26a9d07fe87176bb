import { describe, expect, it } from 'vitest'
import { perFolder } from './per-folder'

describe('perFolder', () => {
  it('judges a folder once per run of its entries, and again when another folder comes between', () => {
    const judged: string[] = []
    const answer = perFolder((folder) => (judged.push(folder), folder.length))
    const ask = (norm: string) => answer(norm, norm.lastIndexOf('/'))
    expect([ask('a/b/1.wav'), ask('a/b/2.wav'), ask('a/bc/3.wav'), ask('a/b/4.wav'), ask('x/b/5.wav')]).toEqual([3, 3, 4, 3, 3])
    // A folder of the same length but another name ('x/b' after 'a/b') is judged anew.
    expect(judged).toEqual(['a/b', 'a/bc', 'a/b', 'x/b'])
  })

  it('tells the empty folder from none asked yet', () => {
    const judged: string[] = []
    const answer = perFolder((folder) => (judged.push(folder), folder === ''))
    expect(answer('/a.wav', 0)).toBe(true)
    expect(answer('/b.wav', 0)).toBe(true)
    expect(judged).toEqual([''])
  })
})
