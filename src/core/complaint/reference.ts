import { createHash } from 'node:crypto'
import type { ComplaintFacts } from '../../shared/model/complaint'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * Our reference for the case, `YYYY-XXXXXXX` as datenanfragen prints it, but derived from the
 * facts that identify the case rather than drawn at random: every letter of one case, and every
 * re-rendering of it, carries the same reference, so replies can be matched to it.
 */
export function caseReference(facts: Pick<ComplaintFacts, 'person' | 'accountId' | 'controller' | 'requestDate' | 'receiptDate' | 'discoveryDate'>): string {
  const key = [facts.person.name, facts.accountId, facts.controller.toLowerCase(), facts.requestDate, facts.receiptDate, facts.discoveryDate].join('\u0000')
  const digest = createHash('sha256').update(key).digest()
  let n = digest.readBigUInt64BE(0)
  let code = ''
  for (let i = 0; i < 7; i++) {
    code += ALPHABET[Number(n % 36n)]
    n /= 36n
  }
  return `${facts.discoveryDate.slice(0, 4)}-${code}`
}
