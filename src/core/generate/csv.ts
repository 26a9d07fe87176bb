export interface CsvStyle {
  separator: ',' | ';'
  crlf: boolean
  bom: boolean
}

export const PLAIN_CSV: CsvStyle = { separator: ',', crlf: false, bom: false }

const cell = (v: string, sep: string): string => (v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** A CSV the way spreadsheet programs write one: quoted only where needed. */
export function toCsv(rows: ReadonlyArray<readonly string[]>, style: CsvStyle): string {
  const eol = style.crlf ? '\r\n' : '\n'
  return (style.bom ? '\ufeff' : '') + rows.map((r) => r.map((v) => cell(v, style.separator)).join(style.separator)).join(eol) + eol
}
