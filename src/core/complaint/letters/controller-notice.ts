import type { KindWriter } from './model'
import { channelName, controllerTo, deadlineParagraph, evidenceBlocks, manifestAttachment, originalsParagraph, reservationParagraph, theirReference } from './shared'

/**
 * (1) The recipient tells the controller: your answer to my access request holds someone else's
 * data (a breach), give me a correct answer, say whether mine went elsewhere, and tell me how to
 * return or destroy the files.
 */
export const controllerNotice: KindWriter = (c) => {
  const f = c.facts
  return {
    to: controllerTo(c),
    subject: c.t(
      `Personal data breach in your answer to my access request of ${c.date(f.requestDate)} – new request under Art. 15 GDPR`,
      `Datenschutzverletzung in Ihrer Auskunft auf meinen Antrag vom ${c.date(f.requestDate)} – erneuter Antrag nach Art. 15 DSGVO`
    ),
    salutation: c.t('Dear Data Protection Officer,', 'Sehr geehrte Damen und Herren,'),
    body: [
      {
        kind: 'paragraph',
        text: c.t(
          `On ${c.date(f.requestDate)} I asked you ${channelName(c)} for a copy of my personal data under Art. 15 GDPR${theirReference(c)}. I received your answer on ${c.date(f.receiptDate)}. On ${c.date(f.discoveryDate)} I found that it contains personal data of another person. You know me by the account ${f.accountId}.`,
          `Am ${c.date(f.requestDate)} habe ich ${channelName(c)} Auskunft über meine personenbezogenen Daten nach Art. 15 DSGVO beantragt${theirReference(c)}. Ihre Auskunft habe ich am ${c.date(f.receiptDate)} erhalten. Am ${c.date(f.discoveryDate)} habe ich festgestellt, dass sie personenbezogene Daten einer anderen Person enthält. Mein Kundenkonto: ${f.accountId}.`
        )
      },
      { kind: 'heading', text: c.t('What I received', 'Was ich erhalten habe') },
      ...evidenceBlocks(c, 'not-mine'),
      { kind: 'heading', text: c.t('Assessment', 'Rechtliche Einordnung') },
      {
        kind: 'paragraph',
        text: c.t(
          "Sending another person's recordings to me is an unauthorised disclosure and so a personal data breach (Art. 4(12) GDPR). It shows that the integrity and confidentiality of the data were not protected (Art. 5(1)(f) GDPR) and that the security of the processing was not appropriate (Art. 32 GDPR). With this letter you are aware of the breach: you must notify your supervisory authority within 72 hours and document the breach (Art. 33(1) and (5) GDPR). Voice recordings made inside a home are likely to result in a high risk to the person concerned, who must then be told without undue delay (Art. 34 GDPR).",
          'Die Übermittlung der Aufnahmen einer anderen Person an mich ist eine unbefugte Offenlegung und damit eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO). Sie zeigt, dass Integrität und Vertraulichkeit der Daten nicht gewahrt waren (Art. 5 Abs. 1 lit. f DSGVO) und die Sicherheit der Verarbeitung nicht angemessen war (Art. 32 DSGVO). Mit diesem Schreiben ist Ihnen die Verletzung bekannt: Sie müssen sie binnen 72 Stunden Ihrer Aufsichtsbehörde melden und dokumentieren (Art. 33 Abs. 1 und 5 DSGVO). Sprachaufnahmen aus einer Wohnung bergen voraussichtlich ein hohes Risiko für die betroffene Person, die dann unverzüglich zu benachrichtigen ist (Art. 34 DSGVO).'
        )
      },
      {
        kind: 'paragraph',
        text: c.t(
          'Your answer also does not fulfil my right of access: the copy under Art. 15 GDPR must be of my data, and it must not adversely affect the rights and freedoms of others (Art. 15(4) GDPR). Because it holds another person’s data, I cannot tell whether it is complete as to mine.',
          'Zugleich erfüllt Ihre Auskunft meinen Anspruch nicht: Die Kopie nach Art. 15 DSGVO muss meine Daten enthalten und darf die Rechte und Freiheiten anderer Personen nicht beeinträchtigen (Art. 15 Abs. 4 DSGVO). Da sie Daten einer anderen Person enthält, kann ich nicht erkennen, ob sie meine Daten vollständig wiedergibt.'
        )
      },
      { kind: 'heading', text: c.t('I ask you to', 'Ich fordere Sie auf,') },
      {
        kind: 'list',
        numbered: true,
        items: [
          c.t('confirm that you have received this notice of a personal data breach;', 'den Eingang dieser Meldung einer Datenschutzverletzung zu bestätigen;'),
          c.t(
            'confirm that you notified the breach under Art. 33 GDPR, naming the authority and its reference, and that you informed the person concerned under Art. 34 GDPR;',
            'zu bestätigen, dass Sie die Verletzung nach Art. 33 DSGVO gemeldet haben (mit Behörde und deren Aktenzeichen) und die betroffene Person nach Art. 34 DSGVO benachrichtigt haben;'
          ),
          c.t(
            'give me a new, correct and complete answer limited to my own data: the information under Art. 15(1)(a) to (h) GDPR and a copy under Art. 15(3) GDPR;',
            'mir eine neue, richtige und vollständige Auskunft allein über meine Daten zu erteilen: die Informationen nach Art. 15 Abs. 1 lit. a bis h DSGVO und eine Kopie nach Art. 15 Abs. 3 DSGVO;'
          ),
          c.t(
            "tell me whether my own personal data were disclosed to anyone else, for example in the answer to another person's request, and name those recipients (Art. 15(1)(c) GDPR);",
            'mir mitzuteilen, ob meine eigenen Daten einer anderen Person offengelegt wurden, etwa in der Auskunft an einen anderen Antragsteller, und diese Empfänger zu nennen (Art. 15 Abs. 1 lit. c DSGVO);'
          ),
          c.t(
            'if so, have those data erased by whoever received them (Art. 17 GDPR) and inform each recipient (Art. 19 GDPR); until this is clear, restrict the processing concerned (Art. 18(1)(b) GDPR);',
            'falls ja, diese Daten beim Empfänger löschen zu lassen (Art. 17 DSGVO) und jeden Empfänger zu unterrichten (Art. 19 DSGVO); bis dies geklärt ist, die betroffene Verarbeitung einzuschränken (Art. 18 Abs. 1 lit. b DSGVO);'
          ),
          c.t(
            "tell me how to return or destroy the other person's files, and confirm in writing that you want them deleted.",
            'mir mitzuteilen, wie ich die Dateien der anderen Person zurückgeben oder vernichten soll, und mir schriftlich zu bestätigen, dass Sie ihre Löschung wünschen.'
          )
        ]
      },
      originalsParagraph(c),
      deadlineParagraph(c),
      reservationParagraph(c)
    ],
    attachments: [
      manifestAttachment(c),
      c.t(`Copy of my access request of ${c.date(f.requestDate)}`, `Kopie meines Auskunftsantrags vom ${c.date(f.requestDate)}`),
      c.t(`Your answer of ${c.date(f.receiptDate)} (e-mail with headers or download notice)`, `Ihre Antwort vom ${c.date(f.receiptDate)} (E-Mail mit Kopfzeilen oder Download-Hinweis)`)
    ]
  }
}
