import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import JSZip from 'jszip'
import { deadlineFor } from '../src/core/complaint/deadlines'
import { generateExport, type GeneratedExport } from '../src/core/generate'
import { workDir } from '../test/fixtures/archives'
import { expect, test } from './fixtures'

/**
 * The complaint wizard from the overview of a seed-sized case (the 2018 answer: every recording a
 * stranger's) to a saved PDF and evidence bundle, in English and in German. Screenshots of every
 * step go to COMPLAINT_SHOTS when set.
 */

const SHOTS = process.env.COMPLAINT_SHOTS
// The 2018 case had about 1,700 of the stranger's recordings; COMPLAINT_SEED_COUNT=1700 runs that size.
const SEED_COUNT = Number(process.env.COMPLAINT_SEED_COUNT ?? 60)
let work: Awaited<ReturnType<typeof workDir>>
let seed: GeneratedExport

test.beforeAll(async () => {
  test.setTimeout(600_000)
  work = await workDir()
  // Seed-sized in kind, smaller in count by default: 60 of the stranger's recordings keep the run short.
  seed = await generateExport({ provider: 'amazon', own: 0, foreign: SEED_COUNT, kind: 'seed', seed: 'e2e-complaint', clips: { sampleRate: 8000, maxSeconds: 0.3 } }, work.path('seed.zip'))
  if (SHOTS) mkdirSync(SHOTS, { recursive: true })
})
test.afterAll(async () => {
  await work.done()
})

const TEXT = {
  en: {
    locale: 'en-US',
    open: 'Open export…',
    recordings: /^Recordings/,
    complain: 'Make a complaint…',
    next: 'Next',
    toReview: 'Review the complaint',
    name: /^Your name/,
    email: /^Your e-mail address/,
    address: /^Your postal address/,
    country: /^Country you live in/,
    region: /^German state/,
    account: /^Your account at the company/,
    request: /^You asked for your data on/,
    receipt: /^You received the export on/,
    discovery: /^You found the other person's data on/,
    harm: /^What this means for you/,
    letter: 'Letter',
    complaintKind: 'art77-complaint',
    authority: /Bayerisches Landesamt für Datenschutzaufsicht/,
    articles: [/Art\. 77/, /Art\. 15/],
    nameError: 'Enter your name as the company knows it.'
  },
  de: {
    locale: 'de-DE',
    open: 'Export öffnen …',
    recordings: /^Aufnahmen/,
    complain: 'Beschwerde erstellen…',
    next: 'Weiter',
    toReview: 'Beschwerde prüfen',
    name: /^Ihr Name/,
    email: /^Ihre E-Mail-Adresse/,
    address: /^Ihre Postanschrift/,
    country: /^Land Ihres Wohnsitzes/,
    region: /^Bundesland/,
    account: /^Ihr Konto beim Unternehmen/,
    request: /^Auskunft beantragt am/,
    receipt: /^Export erhalten am/,
    discovery: /^Fremde Daten bemerkt am/,
    harm: /^Was das für Sie bedeutet/,
    letter: 'Brief',
    complaintKind: 'art77-complaint',
    authority: /Bayerisches Landesamt für Datenschutzaufsicht/,
    articles: [/Art\. 77/, /Art\. 15/],
    nameError: 'Geben Sie Ihren Namen an, wie das Unternehmen ihn kennt.'
  }
} as const

/** The text of every page of a PDF, read with pdfjs-dist as a person's PDF reader would. */
async function pdfText(path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent()
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '))
    }
    return pages.join('\n').replace(/\s+/g, ' ')
  } finally {
    await doc.destroy()
  }
}

/** Photographs the step (when asked) and checks it with axe: no serious or critical violation. */
async function shot(page: Page, name: string, check = true): Promise<void> {
  if (SHOTS) {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
    // The review is long: each of its cards on its own too, at a size worth looking at.
    const cards = page.locator('.complaint .review-sections > .card')
    for (let i = 0; i < (await cards.count()); i++) await cards.nth(i).screenshot({ path: join(SHOTS, `${name}-card${i + 1}.png`) })
  }
  if (!check) return
  const result = await new AxeBuilder({ page }).include('.complaint').analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  expect(bad, name).toEqual([])
}

for (const lang of ['en', 'de'] as const) {
  const L = TEXT[lang]
  test.describe(`in ${lang === 'en' ? 'English' : 'German'}`, () => {
    test.use({ harnessOptions: { locale: L.locale } })

    test('from the overview through the wizard to a saved PDF and evidence bundle', async ({ app }) => {
      test.setTimeout(SEED_COUNT > 200 ? 600_000 : 120_000)
      const { page } = app
      app.answerNextDialog(seed.paths[0]!)
      await page.getByRole('button', { name: L.open }).click()
      await expect(page.getByRole('tab', { name: L.recordings })).toBeVisible({ timeout: 30_000 })
      await shot(page, `${lang}-0-overview`, false)
      await page.getByRole('button', { name: L.complain }).click()

      // Step 1: the customer id comes from the export; the name does not, and Next says so.
      await expect(page.getByTestId('step-title')).toBeFocused()
      await expect(page.getByLabel(L.account)).toHaveValue(seed.truth.owner.customerId!)
      await page.getByTestId('complaint-next').click()
      await expect(page.getByText(L.nameError)).toBeVisible()
      await expect(page.getByLabel(L.name)).toBeFocused()
      await expect(page.getByLabel(L.name)).toHaveAttribute('aria-invalid', 'true')
      await page.getByLabel(L.name).fill('Robin Beispiel')
      await page.getByLabel(L.email).fill('robin@example.org')
      await page.getByLabel(L.address).fill('Hauptstraße 1\n80331 München\nDeutschland')
      await page.getByLabel(L.country).selectOption('de')
      await page.getByLabel(L.region).selectOption('bay')
      await shot(page, `${lang}-1-person`)
      await page.getByTestId('complaint-next').click()

      // Step 2: Amazon is suggested by the export's provider; the dates are the person's.
      await expect(page.getByLabel(L.request)).toBeVisible()
      await expect(page.locator('#f-controller-kind')).toHaveValue('amazon')
      await page.getByLabel(L.request).fill('2026-10-01')
      await page.getByLabel(L.receipt).fill('2026-10-20')
      await page.getByLabel(L.discovery).fill('2026-10-21')
      await shot(page, `${lang}-2-controller`)
      await page.getByTestId('complaint-next').click()

      // Step 3: harm in the person's words.
      await page.getByLabel(L.harm).fill(lang === 'de' ? 'Ich sorge mich, wo meine eigenen Aufnahmen gelandet sind.' : 'I worry where my own recordings ended up.')
      await shot(page, `${lang}-3-harm`)
      await page.getByRole('button', { name: L.toReview }).click()

      // Step 4: the Bavarian authority takes the complaint, the CNPD leads for Amazon.
      const authorities = page.getByTestId('authority')
      await expect(authorities.first()).toBeVisible({ timeout: 30_000 })
      await expect(authorities.filter({ hasText: L.authority })).toHaveCount(1)
      await expect(page.locator('[data-testid=authority][data-slug=lucnpd]')).toHaveCount(1)
      // No notice date given: the letter is dated today, and the controller has a month from it.
      const today = new Date().toISOString().slice(0, 10)
      const due = deadlineFor({ person: { country: 'de' }, noticeSentDate: undefined, requestDate: '2026-10-01', receiptDate: '2026-10-20', lang } as never, { today }).due
      await expect(page.getByTestId('deadline')).toHaveAttribute('data-due', due)
      // The plan: notice and tip now, the company's deadline, the follow-up, then the complaint.
      const plan = page.getByTestId('plan').locator('li')
      await expect(plan).toHaveCount(5)
      expect(await plan.evaluateAll((items) => items.map((i) => i.getAttribute('data-step')))).toEqual(['notice', 'breach-report', 'deadline', 'follow-up', 'art77-complaint'])
      await expect(plan.nth(2)).toHaveAttribute('data-date', due)
      if (SHOTS) await page.getByTestId('plan').screenshot({ path: join(SHOTS, `${lang}-plan.png`) })
      await shot(page, `${lang}-4-review`)
      // The lead authority's web form has its copy panel, each field with its count.
      const cnpd = page.locator('[data-testid=form-panel][data-authority=lucnpd]')
      await expect(cnpd).toHaveCount(1)
      await expect(cnpd.getByTestId('panel-field').first()).toBeVisible()
      await page.getByRole('combobox', { name: L.letter, exact: true }).selectOption(L.complaintKind)
      for (const article of L.articles) await expect(page.getByTestId('letter-text')).toContainText(article)
      // To the Bavarian authority the complaint goes in German, whatever the UI's language.
      await expect(page.getByTestId('letter-text')).toHaveAttribute('lang', 'de')
      await expect(page.getByTestId('letter-text')).toContainText('beim Bayerischen Landesamt für Datenschutzaufsicht (BayLDA) Beschwerde')
      if (lang === 'en') {
        // The English reading copy beside it, marked as one.
        await page.getByTestId('letter-version').getByRole('radio').nth(1).check()
        await expect(page.getByTestId('letter-text')).toHaveAttribute('lang', 'en')
        await expect(page.getByTestId('letter-text')).toContainText('Courtesy copy for reading')
        await page.getByTestId('letter-version').getByRole('radio').nth(0).check()
      }
      // Copy puts exactly the letter's text on the clipboard, with no clipboard permission granted
      // (as in the app, whose session grants none); reading it back is the test's own permission.
      await page.getByTestId('copy-letter').click()
      await expect(page.getByText(lang === 'de' ? 'Kopiert.' : 'Copied.')).toBeVisible()
      await app.context.grantPermissions(['clipboard-read'], { origin: app.appUrl })
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      expect(copied).toBe(await page.getByTestId('letter-text').textContent())

      // The deadline as a calendar file, where the save dialog says.
      const ics = work.path(`reminder-${lang}.ics`)
      app.answerNextSaveDialog(ics)
      await page.getByTestId('save-ics').click()
      await expect(page.getByText(ics)).toBeVisible()
      const calendar = await readFile(ics, 'utf8')
      expect(calendar).toMatch(/^BEGIN:VCALENDAR/)
      expect(calendar).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`)

      // Save the complaint as PDF and text into a folder the dialog answers with.
      const letters = work.path(`letters-${lang}`)
      mkdirSync(letters, { recursive: true })
      app.answerNextSaveDialog(letters)
      await page.getByTestId('save-letter').click()
      await expect(page.getByTestId('letters-saved')).toBeVisible({ timeout: 60_000 })
      const saved = readdirSync(letters)
      const pdf = saved.find((n) => n.endsWith('.pdf'))
      expect(pdf, `a PDF among ${saved.join(', ')}`).toBeDefined()
      expect(saved.some((n) => n.endsWith('.txt'))).toBe(true)
      expect(saved).toContain('deadline.ics')
      const text = await pdfText(join(letters, pdf!))
      expect(text).toMatch(L.authority)
      for (const article of L.articles) expect(text).toMatch(article)

      // The evidence bundle, sealed originals off: the manifest lists exactly the foreign entries.
      const bundle = work.path(`bundle-${lang}.zip`)
      app.answerNextSaveDialog(bundle)
      await page.getByTestId('save-bundle').click()
      await expect(page.getByTestId('bundle-saved')).toBeVisible({ timeout: 60_000 })
      await shot(page, `${lang}-5-saved`)
      expect(existsSync(bundle)).toBe(true)
      const zip = await JSZip.loadAsync(await readFile(bundle))
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { entries: { path: string; sha256: string }[] }
      const foreign = seed.truth.recordings.filter((r) => r.foreign && r.audioPath).map((r) => r.audioPath!)
      expect(manifest.entries.map((e) => e.path).sort()).toEqual([...foreign].sort())
      expect(manifest.entries.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true)
      expect(Object.keys(zip.files).some((n) => n.startsWith('sealed/'))).toBe(false)
      // The letters in the bundle print the same manifest hash the screen shows.
      const shown = (await page.getByTestId('manifest-sha').textContent())!.trim()
      expect(shown).toMatch(/^[0-9a-f]{64}$/)
      // The screen shows the bundle's root, and every letter text inside cites it.
      const root = createHash('sha256').update(await zip.file('SHA256SUMS')!.async('uint8array')).digest('hex')
      await expect(page.getByTestId('bundle-root')).toHaveText(root)
      const texts = Object.keys(zip.files).filter((n) => n.startsWith('letters/') && n.endsWith('.txt'))
      expect(texts.length).toBeGreaterThanOrEqual(3)
      for (const t of texts) expect(await zip.file(t)!.async('string')).toContain(root)
      expect(app.saveDialogsAsked.map((d) => d.kind)).toEqual(['file', 'folder', 'file'])
    })
  })
}

test('offers no letters, forms or bundle when nothing is flagged or marked "not mine"', async ({ app }) => {
  test.setTimeout(120_000)
  const clean = await generateExport({ provider: 'amazon', own: 6, foreign: 0, kind: 'unregistered-device', seed: 'e2e-clean', clips: { sampleRate: 8000, maxSeconds: 0.3 } }, work.path('clean.zip'))
  const { page } = app
  app.answerNextDialog(clean.paths[0]!)
  await page.getByRole('button', { name: 'Open export…' }).click()
  await expect(page.getByRole('tab', { name: /^Recordings/ })).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Make a complaint…' }).click()
  await page.getByLabel(/^Your name/).fill('Robin Beispiel')
  await page.getByLabel(/^Country you live in/).selectOption('at')
  await page.getByTestId('complaint-next').click()
  await page.getByLabel(/^You asked for your data on/).fill('2026-10-01')
  await page.getByLabel(/^You received the export on/).fill('2026-10-20')
  await page.getByLabel(/^You found the other person's data on/).fill('2026-10-21')
  await page.getByTestId('complaint-next').click()
  await page.getByTestId('complaint-next').click()
  await expect(page.getByTestId('refusal')).toContainText('No recording is flagged or marked "not mine"', { timeout: 30_000 })
  await expect(page.getByTestId('letter-kind')).toHaveCount(0)
  await expect(page.getByTestId('save-letter')).toHaveCount(0)
  await expect(page.getByTestId('save-bundle')).toHaveCount(0)
  await expect(page.locator('[data-testid=form-panel]')).toHaveCount(0)
})

test.describe('in the dark theme', () => {
  test.use({ harnessOptions: { colorScheme: 'dark' } })

  test('the sealed-originals option warns before it is used, and the retention step deletes only after the name is typed', async ({ app }) => {
    test.setTimeout(SEED_COUNT > 200 ? 600_000 : 120_000)
    const { page } = app
    const copy = work.path('to-delete.zip')
    await (await import('node:fs/promises')).copyFile(seed.paths[0]!, copy)
    app.answerNextDialog(copy)
    await page.getByRole('button', { name: 'Open export…' }).click()
    await expect(page.getByRole('tab', { name: /^Recordings/ })).toBeVisible({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Make a complaint…' }).click()
    // Enter submits the step like Next; the missing fields say so.
    await page.getByLabel(/^Your name/).press('Enter')
    await expect(page.getByText('Choose the country you live in.')).toBeVisible()
    await shot(page, 'dark-1-errors')
    await page.getByLabel(/^Your name/).fill('Robin Beispiel')
    await page.getByLabel(/^Country you live in/).selectOption('at')
    await page.getByTestId('complaint-next').click()
    await page.getByLabel(/^You asked for your data on/).fill('2026-10-01')
    await page.getByLabel(/^You received the export on/).fill('2026-10-20')
    await page.getByLabel(/^You found the other person's data on/).fill('2026-10-21')
    await page.getByTestId('complaint-next').click()
    await page.getByTestId('complaint-next').click()
    await expect(page.getByTestId('authority').first()).toBeVisible({ timeout: 30_000 })

    await expect(page.getByText(/copies a stranger's voice recordings/)).toHaveCount(0)
    await page.getByTestId('sealed-originals').check()
    await expect(page.getByRole('alert').filter({ hasText: /copies a stranger's voice recordings/ })).toBeVisible()
    await shot(page, 'dark-4-review-sealed')
    await page.getByTestId('sealed-originals').uncheck()

    // The reminder to keep one sealed copy goes into the custody log once the export's hash is known.
    await expect(async () => {
      await page.getByTestId('keep-sealed').click()
      await expect(page.getByText('Noted in the custody log.')).toBeVisible({ timeout: 500 })
    }).toPass({ timeout: 20_000 })

    await page.getByTestId('delete-export').click()
    const confirm = page.getByTestId('confirm-delete')
    await expect(confirm).toBeDisabled()
    await page.getByLabel(/Type the export's name to confirm/).fill('to-delete.zip')
    await shot(page, 'dark-6-delete')
    await confirm.click()
    await expect(page.getByTestId('deleted')).toContainText('SHA-256')
    expect(existsSync(copy)).toBe(false)
  })
})
