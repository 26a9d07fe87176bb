import { authorityTo, type Block, type KindWriter } from './model'
import { evidenceBlocks, leadParagraph, manifestAttachment, respondentLine } from './shared'

/**
 * (3) The recipient reports the breach of the stranger's data, which they have no standing to
 * complain about (Art. 77 covers one's own data), and asks the authority to act of its own motion.
 */
export const breachReport: KindWriter = (c) => {
  const f = c.facts
  const { complaint } = c.authorities
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: c.t(
        `I report a personal data breach at ${respondentLine(c)}. It concerns the data of another person, not my own; my complaint about my own rights is separate, under the same reference. I ask you to act of your own motion (Art. 57(1)(a) and (h) GDPR, Art. 58(1) GDPR).`,
        `Ich melde eine Verletzung des Schutzes personenbezogener Daten bei ${respondentLine(c)}. Sie betrifft nicht meine Daten, sondern die einer anderen Person; meine Beschwerde zu meinen eigenen Rechten erhebe ich gesondert unter demselben Zeichen. Ich rege an, von Amts wegen tätig zu werden (Art. 57 Abs. 1 lit. a und h DSGVO, Art. 58 Abs. 1 DSGVO).`
      )
    },
    { kind: 'heading', text: c.t('What happened', 'Was geschehen ist') },
    {
      kind: 'paragraph',
      text: c.t(
        `On ${c.date(f.requestDate)} I asked the controller for a copy of my own data under Art. 15 GDPR. The answer arrived on ${c.date(f.receiptDate)}. On ${c.date(f.discoveryDate)} I found in it the personal data of someone I do not know.`,
        `Am ${c.date(f.requestDate)} habe ich beim Verantwortlichen Auskunft über meine eigenen Daten nach Art. 15 DSGVO beantragt. Die Auskunft kam am ${c.date(f.receiptDate)}. Am ${c.date(f.discoveryDate)} habe ich darin personenbezogene Daten einer mir unbekannten Person gefunden.`
      )
    },
    ...evidenceBlocks(c, 'not-mine'),
    {
      kind: 'paragraph',
      text: c.t(
        'I have not tried to identify this person, I have listened to no more than was needed to see that the recordings are not mine, and I have passed nothing on. I keep one sealed copy only as evidence, until you tell me it is no longer needed.',
        'Ich habe nicht versucht, die Person zu ermitteln, nur so viel angehört wie nötig, um festzustellen, dass die Aufnahmen nicht von mir stammen, und nichts weitergegeben. Ich verwahre eine versiegelte Kopie allein als Beweismittel, bis Sie mir mitteilen, dass sie nicht mehr benötigt wird.'
      )
    },
    { kind: 'heading', text: c.t('Assessment', 'Einordnung') },
    {
      kind: 'paragraph',
      text: c.t(
        'The disclosure to me is a personal data breach (Art. 4(12) GDPR) and shows a failure of integrity and confidentiality (Art. 5(1)(f) GDPR) and of the security of processing (Art. 32 GDPR). Voice recordings from inside a home are likely to result in a high risk to the person concerned, so the controller had to notify the breach (Art. 33 GDPR) and inform that person (Art. 34 GDPR).',
        'Die Offenlegung an mich ist eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO) und zeigt, dass Integrität und Vertraulichkeit (Art. 5 Abs. 1 lit. f DSGVO) sowie die Sicherheit der Verarbeitung (Art. 32 DSGVO) nicht gewährleistet waren. Sprachaufnahmen aus einer Wohnung bergen voraussichtlich ein hohes Risiko für die betroffene Person; der Verantwortliche musste die Verletzung daher melden (Art. 33 DSGVO) und die Person benachrichtigen (Art. 34 DSGVO).'
      )
    },
    { kind: 'heading', text: c.t('I ask you to', 'Ich bitte Sie,') },
    {
      kind: 'list',
      numbered: true,
      items: [
        c.t('check whether the controller notified this breach under Art. 33 GDPR and informed the person concerned under Art. 34 GDPR, and if not, order it to (Art. 58(2)(e) GDPR);', 'zu prüfen, ob der Verantwortliche diese Verletzung nach Art. 33 DSGVO gemeldet und die betroffene Person nach Art. 34 DSGVO benachrichtigt hat, und dies andernfalls anzuordnen (Art. 58 Abs. 2 lit. e DSGVO);'),
        c.t('investigate how the controller answers access requests, so that no further customer receives another person’s data (Art. 58(1) GDPR);', 'zu untersuchen, wie der Verantwortliche Auskunftsanträge bearbeitet, damit kein weiterer Kunde die Daten anderer erhält (Art. 58 Abs. 1 DSGVO);'),
        c.t('tell me whether you need the sealed copy I hold, or whether I should return or destroy it;', 'mir mitzuteilen, ob Sie die von mir verwahrte versiegelte Kopie benötigen oder ob ich sie zurückgeben oder vernichten soll;'),
        c.t('let me know, as far as you can, what has become of this report.', 'mich, soweit möglich, über den Fortgang dieser Meldung zu unterrichten.')
      ]
    }
  ]
  const leadBlock = leadParagraph(c)
  if (leadBlock) body.push(leadBlock)
  return {
    to: authorityTo(complaint),
    subject: c.t(`Report of a personal data breach at ${c.controller.legalName} affecting another person – request to act of your own motion`, `Hinweis auf eine Datenschutzverletzung bei ${c.controller.legalName} zulasten einer anderen Person – Anregung eines Verfahrens von Amts wegen`),
    salutation: c.t('Dear Sir or Madam,', 'Sehr geehrte Damen und Herren,'),
    body,
    attachments: [manifestAttachment(c), c.t(`My notice to the controller of ${c.date(f.noticeSentDate ?? c.today)}`, `Mein Schreiben an den Verantwortlichen vom ${c.date(f.noticeSentDate ?? c.today)}`)]
  }
}
