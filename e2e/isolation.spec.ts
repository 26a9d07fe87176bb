import { bridgeExtras } from '../src/shared/ipc/bridge'
import { CALL_NAMES } from '../src/shared/ipc/names'
import { expect, test } from './fixtures'

test('the renderer has no Node: no require, no process, no module', async ({ app }) => {
  const globals = await app.page.evaluate(() => ({
    require: typeof (window as unknown as Record<string, unknown>).require,
    process: typeof (window as unknown as Record<string, unknown>).process,
    module: typeof (window as unknown as Record<string, unknown>).module,
    Buffer: typeof (window as unknown as Record<string, unknown>).Buffer,
    global: typeof (window as unknown as Record<string, unknown>).global
  }))
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', global: 'undefined' })
})

test('window.exportscope holds the contract calls and nothing else, and cannot be changed', async ({ app }) => {
  const shape = await app.page.evaluate(() => {
    const bridge = window.exportscope as unknown as Record<string, unknown>
    let replaced = false
    try {
      bridge.appInfo = () => 'hijacked'
      replaced = (bridge.appInfo as () => unknown)() === 'hijacked'
    } catch {
      replaced = false
    }
    return { keys: Object.keys(bridge).sort(), frozen: Object.isFrozen(bridge), replaced, types: Object.values(bridge).map((v) => typeof v) }
  })
  expect(shape.keys).toEqual([...CALL_NAMES, ...bridgeExtras].sort())
  expect(shape.frozen).toBe(true)
  expect(shape.replaced).toBe(false)
  expect(new Set(shape.types)).toEqual(new Set(['function']))
})

test('the content security policy stops an injected inline script', async ({ app }) => {
  const { page } = app
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: boolean }
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.appendChild(s)
    await new Promise((r) => setTimeout(r, 50))
    return Boolean(w.__injected)
  })
  expect(ran).toBe(false)
  await expect.poll(() => violations.length).toBeGreaterThan(0)
})

test('a page that is not the app cannot reach the engine', async ({ app }) => {
  const { page } = app
  const result = await page.evaluate(async () => {
    const frame = document.createElement('iframe')
    frame.srcdoc = '<p>other</p>'
    document.body.appendChild(frame)
    await new Promise((r) => frame.addEventListener('load', r))
    const other = frame.contentWindow as unknown as { exportscope?: unknown; __exportscopeInvoke(n: string, p: unknown): Promise<unknown> }
    return { bridge: typeof other.exportscope, direct: await other.__exportscopeInvoke('appInfo', {}) }
  })
  // A frame gets no bridge, and a call it forges straight to the transport is refused by the sender check.
  expect(result.bridge).toBe('undefined')
  expect(result.direct).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
})
