import pkg from '../package.json'
import { expect, test } from './fixtures'

test('the welcome screen shows the product, its actions and the real app info', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { level: 1, name: 'Exportscope' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Open export…' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Open folder…' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Try the sample export' })).toBeEnabled()
  // appInfo went through the contract to the core services in this process.
  await expect(page.getByTestId('app-version')).toHaveText(`Exportscope ${pkg.version}`)
  const info = await page.evaluate(() => window.exportscope.appInfo({}))
  expect(info).toEqual({
    ok: true,
    value: expect.objectContaining({ name: 'Exportscope', version: pkg.version, shell: 'harness', home: app.home })
  })
})

test('the language switches to German and back', async ({ app }) => {
  const { page } = app
  const language = page.getByRole('combobox', { name: 'Language' })
  await language.selectOption('de')
  await expect(page.getByRole('button', { name: 'Export öffnen …' })).toBeVisible()
  await expect(page.getByText('Offline von Grund auf', { exact: false })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await expect(page.getByRole('button', { name: 'Open export…' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test.describe('in a German OS', () => {
  test.use({ harnessOptions: { locale: 'de-DE' } })
  test('the language follows the OS', async ({ app }) => {
    await expect(app.page.getByRole('button', { name: 'Export öffnen …' })).toBeVisible()
  })
})

test.describe('in a dark OS', () => {
  test.use({ harnessOptions: { colorScheme: 'dark' } })
  test('the theme follows the OS and can be overridden', async ({ app }) => {
    const { page } = app
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })
})

test('the open dialog answer reaches the renderer; cancelling it keeps the welcome screen', async ({ app }) => {
  const { page } = app
  app.answerNextDialog(null)
  await page.getByRole('button', { name: 'Open export…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Exportscope' })).toBeVisible()
  app.answerNextDialog('/nonexistent/export.zip')
  const answer = await page.evaluate(() => window.exportscope.chooseArchive({}))
  // The path comes with the token that alone lets openArchive read it.
  expect(answer).toEqual({ ok: true, value: { path: '/nonexistent/export.zip', token: expect.stringMatching(/^p[0-9a-f]{24}$/) } })
})
