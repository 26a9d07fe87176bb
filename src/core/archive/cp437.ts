/**
 * IBM code page 437, the encoding ZIP names use when the UTF-8 flag is clear. The control range
 * maps to the code page's own glyphs (as DOS drew them) so a hostile name cannot put terminal
 * escapes on anyone's screen; NUL becomes U+FFFD.
 */
const low = '\uFFFD☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼'
const high =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

const table: string[] = []
for (let b = 0; b < 256; b++) {
  if (b < 0x20) table.push(low[b]!)
  else if (b === 0x7f) table.push('⌂')
  else if (b < 0x80) table.push(String.fromCharCode(b))
  else table.push(high[b - 0x80]!)
}

export function decodeCp437(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += table[b]
  return out
}
