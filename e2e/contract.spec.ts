import { expect, test } from './fixtures'

test('a malformed payload is rejected with a clear, typed error', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    (window.exportscope.listEntries as (r: unknown) => Promise<unknown>)({ archiveId: 42, offset: -1, limit: 10 })
  )
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  const error = (result as { error: { message: string; details: string[] } }).error
  expect(error.message).toContain('listEntries')
  expect(error.details.some((d) => d.startsWith('archiveId:'))).toBe(true)
  expect(error.details.some((d) => d.startsWith('offset:'))).toBe(true)
})

test('unknown fields and wrong types never reach a handler', async ({ app }) => {
  const results = await app.page.evaluate(async () => {
    const anyCall = window.exportscope as unknown as Record<string, (r: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>
    return Promise.all([
      anyCall.appInfo!({ extra: true }),
      anyCall.openArchive!({ path: 7, jobId: 'x' }),
      anyCall.chooseArchive!({ kind: 'everything' }),
      anyCall.cancelJob!('not an object')
    ])
  })
  for (const r of results) expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
})

test('a call for an archive that is not open says so', async ({ app }) => {
  const result = await app.page.evaluate(() => window.exportscope.listEntries({ archiveId: 'a0123456789abcdef', offset: 0, limit: 5 }))
  expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('a0123456789abcdef') } })
})
