/** Check digits that tell a real IBAN or card number from any run of digits. */

/** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
export function isValidIban(candidate: string): boolean {
  const s = candidate.replace(/[\s-]/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false
  const moved = s.slice(4) + s.slice(0, 4)
  let rest = 0
  for (const c of moved) {
    const v = c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97
  }
  return rest === 1
}

/** Luhn (ISO/IEC 7812) over the digits of a 13 to 19 digit card number. */
export function isLuhnValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '')
  if (digits.length < 13 || digits.length > 19) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}
