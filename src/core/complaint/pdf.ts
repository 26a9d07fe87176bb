import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import type { Block, RenderedLetter } from './letters/model'

// A4 in points, and the DIN 5008 form B positions in mm: address window 20 mm from the left and
// 45 mm from the top, 85 × 45 mm, its first 17.7 mm for the sender's return line.
const mm = (v: number) => (v * 72) / 25.4
const PAGE = { width: mm(210), height: mm(297) }
const LEFT = mm(25)
const RIGHT = mm(20)
const WIDTH = PAGE.width - LEFT - RIGHT
const BOTTOM = mm(25)
const INFO_X = mm(125)

const SIZE = { body: 10.5, small: 9, tiny: 7, subject: 11 }
const GREY = '#444444'

interface Fonts {
  regular: string
  bold: string
  /** Liberation Sans embedded (as a subset), or Helvetica, which every reader has but which cannot write every letter. */
  embedded: boolean
}

let fontFiles: Promise<{ regular: Buffer; bold: Buffer } | null> | undefined

/**
 * Liberation Sans (SIL OFL, shipped in pdfjs-dist's standard_fonts, which the app already depends
 * on): metric-compatible with Helvetica, and embedded, so names with letters outside WinAnsi
 * (ł, ő, č …) print as written. Read from disk once, without blocking; never fetched.
 */
function loadFontFiles(): Promise<{ regular: Buffer; bold: Buffer } | null> {
  fontFiles ??= (async () => {
    try {
      const dir = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')
      const [regular, bold] = await Promise.all([readFile(join(dir, 'LiberationSans-Regular.ttf')), readFile(join(dir, 'LiberationSans-Bold.ttf'))])
      return { regular, bold }
    } catch {
      return null
    }
  })()
  return fontFiles
}

function useFonts(doc: PDFKit.PDFDocument, files: { regular: Buffer; bold: Buffer } | null): Fonts {
  if (!files) return { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false }
  doc.registerFont('Body', files.regular)
  doc.registerFont('Body-Bold', files.bold)
  return { regular: 'Body', bold: 'Body-Bold', embedded: true }
}

// Helvetica's built-in encoding is WinAnsi: anything outside it would print as garbage.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const printable = (fonts: Fonts) => (s: string) =>
  fonts.embedded ? s : [...s].map((ch) => (ch.charCodeAt(0) < 0x100 || WIN_ANSI_EXTRA.has(ch) ? ch : '?')).join('')

/**
 * The letter as a PDF one would print and post: sender at the top right, the recipient in the
 * window of a DL envelope, reference and date beside it, the subject in bold, the body, the
 * signature line and the numbered attachments; fold and hole marks at the left edge; our
 * reference and the page number at the foot of every page.
 */
export async function letterPdf(letter: RenderedLetter): Promise<Buffer> {
  const b = letter.blocks
  const files = await loadFontFiles()
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(20), bottom: BOTTOM, left: LEFT, right: RIGHT },
    bufferPages: true,
    lang: { de: 'de-DE', fr: 'fr-FR', en: 'en-GB' }[letter.lang],
    displayTitle: true,
    info: {
      Title: letter.subject,
      Author: b.signature,
      Subject: `${b.footer}`,
      Creator: 'Exportscope',
      // A fixed date: the same letter renders to the same bytes.
      CreationDate: new Date(`${letter.date}T12:00:00Z`)
    }
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const fonts = useFonts(doc, files)
  const p = printable(fonts)

  // Sender, top right.
  doc.font(fonts.bold).fontSize(SIZE.small).fillColor('black').text(p(b.sender[0] ?? ''), INFO_X, mm(18), { width: PAGE.width - INFO_X - RIGHT })
  doc.font(fonts.regular).fillColor(GREY)
  for (const line of b.sender.slice(1)) doc.text(p(line), { width: PAGE.width - INFO_X - RIGHT })
  const senderBottom = doc.y

  // The window: return line, then the recipient.
  const windowX = mm(20) + mm(5)
  doc.font(fonts.regular).fontSize(SIZE.tiny).fillColor(GREY).text(fit(doc, p(b.returnLine), mm(75)), windowX, mm(45) + mm(10), { lineBreak: false })
  doc.moveTo(windowX, mm(45) + mm(13.5)).lineTo(windowX + mm(75), mm(45) + mm(13.5)).lineWidth(0.4).strokeColor('#999999').stroke()
  doc.font(fonts.regular).fontSize(SIZE.body).fillColor('black')
  let y = mm(45) + mm(17.7)
  for (const line of b.recipient) {
    doc.text(p(line), windowX, y, { width: mm(80) })
    y = doc.y
  }
  const windowBottom = Math.max(y, mm(90))

  // Reference and date beside the window.
  let infoY = Math.max(mm(50), senderBottom + mm(6))
  for (const [label, value] of b.info) {
    doc.font(fonts.regular).fontSize(SIZE.small).fillColor(GREY).text(p(`${label}:`), INFO_X, infoY, { width: mm(28), lineBreak: false })
    doc.fillColor('black').text(p(value), INFO_X + mm(28), infoY, { width: PAGE.width - INFO_X - mm(28) - RIGHT })
    infoY = doc.y + 2
  }

  // Subject and body.
  doc.font(fonts.bold).fontSize(SIZE.subject).fillColor('black').text(p(b.subject), LEFT, Math.max(windowBottom, infoY) + mm(10), { width: WIDTH })
  // Where else the letter may be delivered, small, under the subject: a route, not the addressee.
  for (const route of b.routes ?? []) {
    doc.moveDown(0.3)
    doc.font(fonts.regular).fontSize(SIZE.small).fillColor('#333333').text(p(route), LEFT, doc.y, { width: WIDTH })
  }
  doc.fillColor('black')
  doc.moveDown(1.2)
  doc.font(fonts.regular).fontSize(SIZE.body).text(p(b.salutation), LEFT, doc.y, { width: WIDTH })
  doc.moveDown(0.6)
  for (const block of b.body) writeBlock(doc, fonts, block, p)

  // Closing and signature line, kept together.
  ensureRoom(doc, 80)
  doc.moveDown(0.4)
  doc.font(fonts.regular).fontSize(SIZE.body).text(p(b.closing), LEFT, doc.y, { width: WIDTH })
  const lineY = doc.y + 34
  doc.moveTo(LEFT, lineY).lineTo(LEFT + mm(65), lineY).lineWidth(0.6).strokeColor('black').stroke()
  doc.text(p(b.signature), LEFT, lineY + 4, { width: WIDTH })

  // Attachments.
  if (b.attachments.length > 0) {
    // The list is kept whole on one page (it is short), so no attachment stands alone on the last page.
    doc.font(fonts.regular).fontSize(SIZE.small)
    const listHeight = b.attachments.reduce((h, a) => h + doc.heightOfString(p(a), { width: WIDTH - 18, lineGap: 1.5 }) + 4, 0)
    ensureRoom(doc, Math.min(50 + listHeight, PAGE.height / 2))
    doc.moveDown(1.2)
    doc.font(fonts.bold).fontSize(SIZE.body).text(p(`${b.attachmentsTitle}:`), LEFT, doc.y, { width: WIDTH })
    doc.moveDown(0.2)
    writeBlock(doc, fonts, { kind: 'list', numbered: true, items: b.attachments }, p, SIZE.small)
  }

  // Fold marks, hole mark, and the foot of every page.
  const pages = doc.bufferedPageRange()
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i)
    if (i === 0) {
      doc.lineWidth(0.5).strokeColor('#999999')
      for (const at of [mm(105), mm(210)]) doc.moveTo(mm(5), at).lineTo(mm(10), at).stroke()
      doc.moveTo(mm(5), mm(148.5)).lineTo(mm(12), mm(148.5)).stroke()
    }
    const page = { de: `Seite ${i + 1} von ${pages.count}`, fr: `Page ${i + 1} sur ${pages.count}`, en: `Page ${i + 1} of ${pages.count}` }[letter.lang]
    doc.font(fonts.regular).fontSize(SIZE.tiny).fillColor(GREY)
    // Written inside the bottom margin: lift the margin for this one line so no page is added.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.text(p(`${b.footer} · ${page}`), LEFT, PAGE.height - mm(14), { width: WIDTH, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}

/** The text cut to `width` at the current font, with an ellipsis: the return line must stay one line. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let cut = text
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

/** Starts a new page when less than `points` are left, so a heading or a signature is not orphaned. */
function ensureRoom(doc: PDFKit.PDFDocument, points: number) {
  if (doc.y + points > PAGE.height - BOTTOM) doc.addPage()
}

function writeBlock(doc: PDFKit.PDFDocument, fonts: Fonts, block: Block, p: (s: string) => string, size = SIZE.body) {
  switch (block.kind) {
    case 'heading':
      ensureRoom(doc, 60)
      doc.moveDown(0.5)
      doc.font(fonts.bold).fontSize(size).fillColor('black').text(p(block.text), LEFT, doc.y, { width: WIDTH })
      doc.moveDown(0.25)
      return
    case 'paragraph':
      doc.font(fonts.regular).fontSize(size).fillColor('black').text(p(block.text), LEFT, doc.y, { width: WIDTH, lineGap: 1.5 })
      doc.moveDown(0.6)
      return
    case 'list': {
      const indent = 18
      block.items.forEach((item, i) => {
        ensureRoom(doc, size * 2)
        const top = doc.y
        doc.font(fonts.regular).fontSize(size).fillColor('black')
        doc.text(block.numbered ? `${i + 1}.` : '•', LEFT, top, { width: indent, lineBreak: false })
        doc.text(p(item), LEFT + indent, top, { width: WIDTH - indent, lineGap: 1.5 })
        doc.moveDown(0.25)
      })
      doc.moveDown(0.35)
      return
    }
  }
}
