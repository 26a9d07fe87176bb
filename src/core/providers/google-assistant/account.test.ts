import { describe, expect, it } from 'vitest'
import { MAX_PAGE_EMAILS, pageEmails } from './account'

describe('pageEmails', () => {
  it("takes each address once and leaves Google's own out", () => {
    const page = '<p>anna.berg@example.org</p><a href="mailto:anna.berg@example.org">me</a> help: takeout@google.com, jo+x@mail.example.de.'
    expect(pageEmails(page)).toEqual({ emails: ['anna.berg@example.org', 'jo+x@mail.example.de'], more: false })
  })

  it(`stops at ${MAX_PAGE_EMAILS} addresses and says that the page named more`, () => {
    const page = Array.from({ length: MAX_PAGE_EMAILS + 5 }, (_, i) => `user${i}@example.org`).join(' ')
    const { emails, more } = pageEmails(page)
    expect(more).toBe(true)
    expect(emails).toHaveLength(MAX_PAGE_EMAILS)
    expect(emails[0]).toBe('user0@example.org')
    expect(emails.at(-1)).toBe(`user${MAX_PAGE_EMAILS - 1}@example.org`)
  })

  it('reads a page of 200,000 address characters without an @ as naming nobody (the unbounded pattern took minutes on it)', () => {
    expect(pageEmails('a'.repeat(200_000))).toEqual({ emails: [], more: false })
    expect(pageEmails(`a@${'b'.repeat(200_000)}`)).toEqual({ emails: [], more: false })
  })

  it('keeps at most 64 characters before the @, as an address has', () => {
    expect(pageEmails(`${'x'.repeat(100)}@example.org`).emails).toEqual([`${'x'.repeat(64)}@example.org`])
  })
})
