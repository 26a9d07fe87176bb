import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { dispatch } from '../shared/ipc/dispatch'
import type { EventName } from '../shared/ipc/events'
import { createServices } from './services'

function fakePlatform(answer: string | null) {
  const asked: string[] = []
  const emitted: Array<{ name: EventName; payload: unknown }> = []
  return {
    asked,
    emitted,
    platform: {
      shell: 'cli' as const,
      home: '/tmp/exportscope-test-home',
      emit: (name: EventName, payload: unknown) => void emitted.push({ name, payload }),
      chooseArchive: async (kind: 'file' | 'folder') => (asked.push(kind), answer)
    }
  }
}

describe('the services object', () => {
  it('answers appInfo with the package version and the platform home', async () => {
    const { platform } = fakePlatform(null)
    const services = createServices(platform)
    const info = await services.handlers.appInfo({})
    expect(info).toMatchObject({ name: 'Exportscope', version: pkg.version, home: '/tmp/exportscope-test-home', shell: 'cli' })
  })
  it('passes the dialog kind to the platform and its answer back', async () => {
    const fake = fakePlatform('/data/takeout-001.zip')
    const services = createServices(fake.platform)
    expect(await dispatch(services.handlers, 'chooseArchive', { kind: 'folder' })).toEqual({ ok: true, value: { path: '/data/takeout-001.zip' } })
    expect(fake.asked).toEqual(['folder'])
  })
  it('answers cannot-open for a file that does not exist, with its name', async () => {
    const services = createServices(fakePlatform(null).platform)
    const r = await dispatch(services.handlers, 'openArchive', { path: '/nonexistent/export.zip', jobId: 'j1' })
    expect(r).toMatchObject({ ok: false, error: { code: 'cannot-open', message: expect.stringContaining('export.zip') } })
  })
})
