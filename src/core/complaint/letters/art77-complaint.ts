import { authorityTo, type Block, type KindWriter } from './model'
import { channelName, evidenceBlocks, leadParagraph, manifestAttachment, respondentLine, theirReference } from './shared'

/**
 * (2) The recipient's complaint under Art. 77 about their own rights: the access request was not
 * answered with their data, and their own data may have gone to someone else.
 */
export const art77Complaint: KindWriter = (c) => {
  const f = c.facts
  const { complaint } = c.authorities
  const d = c.deadline
  const timeline: string[] = [
    c.t(`${c.date(f.requestDate)}: I asked the controller ${channelName(c, 'them')} for access to my data under Art. 15 GDPR${theirReference(c, 'them')}.`, `${c.date(f.requestDate)}: Auskunftsantrag nach Art. 15 DSGVO ${channelName(c, 'them')}${theirReference(c, 'them')}.`),
    c.t(
      `${c.date(f.receiptDate)}: I received the controller's answer${d.original.inTime ? '' : `, after the one-month period had ended on ${c.date(d.original.due)}`}.`,
      `${c.date(f.receiptDate)}: Eingang der Auskunft${d.original.inTime ? '' : `, nach Ablauf der Monatsfrist am ${c.date(d.original.due)}`}.`
    ),
    c.t(`${c.date(f.discoveryDate)}: I found another person's data in it.`, `${c.date(f.discoveryDate)}: Ich bemerke, dass sie Daten einer anderen Person enthält.`),
    f.noticeSentDate
      ? c.t(
          `${c.date(f.noticeSentDate)}: I notified the controller of the breach and asked for a correct answer, due by ${c.date(d.due)}.`,
          `${c.date(f.noticeSentDate)}: Meldung der Verletzung an den Verantwortlichen und Antrag auf richtige Auskunft, fällig bis ${c.date(d.due)}.`
        )
      : c.t(`${c.date(c.today)}: I notify the controller of the breach and ask for a correct answer, due by ${c.date(d.due)}.`, `${c.date(c.today)}: Meldung der Verletzung an den Verantwortlichen und Antrag auf richtige Auskunft, fällig bis ${c.date(d.due)}.`)
  ]
  const prior = f.priorContact.trim()
  const harm = f.harm.trim()
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: c.t(
        `I lodge a complaint under Art. 77 GDPR against ${respondentLine(c)}, about the processing of my own personal data. The controller knows me by the account ${f.accountId}.`,
        `Hiermit erhebe ich Beschwerde nach Art. 77 DSGVO gegen ${respondentLine(c)} wegen der Verarbeitung meiner personenbezogenen Daten. Der Verantwortliche kennt mich unter dem Kundenkonto ${f.accountId}.`
      )
    },
    { kind: 'heading', text: c.t('Facts', 'Sachverhalt') },
    { kind: 'list', numbered: false, items: timeline },
    ...(prior ? [{ kind: 'paragraph' as const, text: c.t(`Contact with the controller since then: ${prior}`, `Kontakt mit dem Verantwortlichen seither: ${prior}`) }] : []),
    { kind: 'heading', text: c.t('Evidence', 'Beweismittel') },
    ...evidenceBlocks(c, 'not-mine'),
    { kind: 'heading', text: c.t('Infringements', 'Verstöße') },
    {
      kind: 'list',
      numbered: false,
      items: [
        c.t(
          "Art. 15(1) and (3) and Art. 12(3) GDPR: the controller's answer is not a copy of my data. It contains another person's data, so I cannot tell whether it is complete as to mine.",
          'Art. 15 Abs. 1 und 3 sowie Art. 12 Abs. 3 DSGVO: Die Auskunft ist keine Kopie meiner Daten. Sie enthält Daten einer anderen Person; ob sie meine Daten vollständig wiedergibt, ist nicht erkennbar.'
        ),
        c.t(
          "Art. 15(4) GDPR: the controller had to make sure that my copy did not adversely affect others; it handed me another person's recordings instead.",
          'Art. 15 Abs. 4 DSGVO: Der Verantwortliche hatte sicherzustellen, dass meine Kopie die Rechte anderer nicht beeinträchtigt; stattdessen hat er mir die Aufnahmen einer anderen Person übermittelt.'
        ),
        c.t(
          "Art. 5(1)(f) and Art. 32 GDPR: the mix-up shows that the controller's handling of access requests does not keep customers' data apart. My own data may have been sent to someone else in the same way (a personal data breach, Art. 4(12) GDPR, to be notified under Art. 33 and 34 GDPR).",
          'Art. 5 Abs. 1 lit. f und Art. 32 DSGVO: Die Verwechslung zeigt, dass der Verantwortliche bei Auskünften die Daten seiner Kunden nicht sicher trennt. Meine eigenen Daten könnten auf dieselbe Weise an eine andere Person gegangen sein (eine Verletzung nach Art. 4 Nr. 12 DSGVO, zu melden nach Art. 33 und 34 DSGVO).'
        )
      ]
    },
    { kind: 'heading', text: c.t('Harm', 'Folgen für mich') },
    {
      kind: 'paragraph',
      text: harm
        ? harm
        : c.t(
            'I do not know whether my own recordings from inside my home were sent to a stranger, and I have not received the answer about my data that the law gives me.',
            'Ich weiß nicht, ob meine eigenen Aufnahmen aus meiner Wohnung an Fremde gegangen sind, und habe die Auskunft über meine Daten, die mir zusteht, nicht erhalten.'
          )
    },
    { kind: 'heading', text: c.t('What I ask of you', 'Mein Anliegen') },
    {
      kind: 'list',
      numbered: true,
      items: [
        c.t('order the controller to give me a correct and complete answer under Art. 15 GDPR (Art. 58(2)(c) GDPR);', 'den Verantwortlichen anzuweisen, mir eine richtige und vollständige Auskunft nach Art. 15 DSGVO zu erteilen (Art. 58 Abs. 2 lit. c DSGVO);'),
        c.t(
          'investigate whether my own data were disclosed to anyone else, and the breach itself (Art. 57(1)(f) and Art. 58(1) GDPR);',
          'zu untersuchen, ob meine eigenen Daten anderen offengelegt wurden, und die Verletzung selbst aufzuklären (Art. 57 Abs. 1 lit. f und Art. 58 Abs. 1 DSGVO);'
        ),
        c.t('check that the controller notified the breach under Art. 33 GDPR and informed the people concerned under Art. 34 GDPR;', 'zu prüfen, ob der Verantwortliche die Verletzung nach Art. 33 DSGVO gemeldet und die Betroffenen nach Art. 34 DSGVO benachrichtigt hat;'),
        c.t(
          'inform me of the progress and the outcome of the complaint (Art. 77(2) GDPR), and within three months at the latest (Art. 78(2) GDPR).',
          'mich über den Stand und das Ergebnis der Beschwerde zu unterrichten (Art. 77 Abs. 2 DSGVO), spätestens innerhalb von drei Monaten (Art. 78 Abs. 2 DSGVO).'
        )
      ]
    }
  ]
  const leadBlock = leadParagraph(c)
  if (leadBlock) body.push(leadBlock)
  body.push({
    kind: 'paragraph',
    text: f.shareIdentityWithController
      ? c.t('You may share my identity and this complaint with the controller.', 'Mit der Weitergabe meiner Identität und dieser Beschwerde an den Verantwortlichen bin ich einverstanden.')
      : c.t(
          'Please do not disclose my identity to the controller beyond what the procedure requires; tell me before you do.',
          'Bitte geben Sie meine Identität an den Verantwortlichen nur weiter, soweit das Verfahren es erfordert, und teilen Sie mir dies vorher mit.'
        )
  })
  body.push({
    kind: 'paragraph',
    text: c.t(
      "I do not enclose the other person's recordings or transcripts; I keep one sealed copy and can hand it over on request through a secure channel. I report the breach of that person's data separately, under the same reference.",
      'Die Aufnahmen und Transkripte der anderen Person lege ich nicht bei; ich verwahre eine versiegelte Kopie und übergebe sie auf Anfrage über einen sicheren Kanal. Die Verletzung der Daten dieser Person melde ich gesondert unter demselben Zeichen.'
    )
  })
  return {
    to: authorityTo(complaint),
    subject: c.t(`Complaint under Art. 77 GDPR against ${c.controller.legalName}: wrong answer to my access request`, `Beschwerde nach Art. 77 DSGVO gegen ${c.controller.legalName}: fehlerhafte Auskunft`),
    salutation: c.t('Dear Sir or Madam,', 'Sehr geehrte Damen und Herren,'),
    body,
    attachments: [
      manifestAttachment(c),
      c.t(`Copy of my access request of ${c.date(f.requestDate)}`, `Kopie meines Auskunftsantrags vom ${c.date(f.requestDate)}`),
      c.t(`The controller's answer of ${c.date(f.receiptDate)} (e-mail with headers or download notice)`, `Antwort des Verantwortlichen vom ${c.date(f.receiptDate)} (E-Mail mit Kopfzeilen oder Download-Hinweis)`),
      c.t(`My notice to the controller of ${c.date(f.noticeSentDate ?? c.today)}`, `Mein Schreiben an den Verantwortlichen vom ${c.date(f.noticeSentDate ?? c.today)}`),
      ...(prior ? [c.t('Further correspondence with the controller, in date order', 'Weitere Korrespondenz mit dem Verantwortlichen, nach Datum geordnet')] : [])
    ]
  }
}
