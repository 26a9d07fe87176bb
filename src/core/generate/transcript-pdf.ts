import PDFDocument from 'pdfkit'

export interface PdfRow {
  time: string
  device: string
  transcript: string
}

/**
 * The 2018 answer's transcript PDF: one row per recording, time, device and words in their own
 * columns, long words wrapped onto the next line. Dates are fixed so the same seed gives the same bytes.
 */
export function transcriptPdf(rows: readonly PdfRow[], title: string, date: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, compress: true, info: { Title: title, Producer: 'Exportscope generator', Creator: 'Exportscope generator', CreationDate: date, ModDate: date } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.font('Helvetica-Bold').fontSize(12).text(title, 40, 40)
  doc.font('Helvetica').fontSize(8)
  let y = 70
  for (const row of rows) {
    const height = doc.heightOfString(row.transcript, { width: 300 })
    if (y + height > 800) {
      doc.addPage()
      y = 40
    }
    doc.text(row.time, 40, y, { lineBreak: false })
    doc.text(row.device, 150, y, { lineBreak: false })
    doc.text(row.transcript, 250, y, { width: 300 })
    y += Math.max(height, 10) + 4
  }
  doc.end()
  return done
}
