import type { KindWriter } from './model'
import { controllerTo, deadlineParagraph, evidenceBlocks, manifestAttachment, reservationParagraph } from './shared'

/**
 * (4) The letter the person whose recordings were disclosed sends, prepared by whoever helps them:
 * access with the recipients named (CJEU C-154/21), the details of the disclosure, and erasure or
 * (the default, as erasure destroys evidence) restriction. The sender's details are left for that
 * person to fill in: the app knows nothing about them and must not try to find out.
 */
export const victimRequest: KindWriter = (c) => {
  const f = c.facts
  const erase = f.victimRemedy === 'erasure'
  return {
    to: controllerTo(c),
    sender: [c.t('[Your name]', '[Ihr Name]'), c.t('[Your postal address]', '[Ihre Anschrift]'), c.t('[The e-mail address of your account]', '[E-Mail-Adresse Ihres Kundenkontos]')],
    signature: c.t('[Your name]', '[Ihr Name]'),
    subject: erase
      ? c.t('Disclosure of my voice recordings to another customer – access (Art. 15 GDPR) and erasure (Art. 17 GDPR)', 'Offenlegung meiner Sprachaufnahmen an einen anderen Kunden – Auskunft (Art. 15 DSGVO) und Löschung (Art. 17 DSGVO)')
      : c.t('Disclosure of my voice recordings to another customer – access (Art. 15 GDPR) and restriction (Art. 18 GDPR)', 'Offenlegung meiner Sprachaufnahmen an einen anderen Kunden – Auskunft (Art. 15 DSGVO) und Einschränkung (Art. 18 DSGVO)'),
    salutation: c.t('Dear Data Protection Officer,', 'Sehr geehrte Damen und Herren,'),
    body: [
      {
        kind: 'paragraph',
        text: c.t(
          `I have learned that you sent my voice recordings from ${c.controller.service || 'your service'} to another customer, in your answer to that customer's access request, which reached them on ${c.date(f.receiptDate)}. That customer has reported it to you under the reference ${c.reference}.`,
          `Ich habe erfahren, dass Sie meine Sprachaufnahmen aus ${c.controller.service || 'Ihrem Dienst'} einem anderen Kunden übermittelt haben, in Ihrer Auskunft auf dessen Antrag, die ihn am ${c.date(f.receiptDate)} erreichte. Dieser Kunde hat Ihnen das unter dem Zeichen ${c.reference} gemeldet.`
        )
      },
      ...evidenceBlocks(c, 'mine'),
      { kind: 'heading', text: c.t('Access (Art. 15 GDPR)', 'Auskunft (Art. 15 DSGVO)') },
      {
        kind: 'paragraph',
        text: c.t('I ask for access to my personal data under Art. 15 GDPR, and in particular:', 'Ich beantrage Auskunft über meine personenbezogenen Daten nach Art. 15 DSGVO, insbesondere:')
      },
      {
        kind: 'list',
        numbered: true,
        items: [
          c.t('all the information under Art. 15(1)(a) to (h) GDPR and a copy of my data under Art. 15(3) GDPR;', 'alle Informationen nach Art. 15 Abs. 1 lit. a bis h DSGVO und eine Kopie meiner Daten nach Art. 15 Abs. 3 DSGVO;'),
          c.t(
            'the identity of each recipient to whom my data have been disclosed, not only categories of recipients (Art. 15(1)(c) GDPR; Court of Justice of the EU, judgment of 12 January 2023, C-154/21, Österreichische Post, ECLI:EU:C:2023:3);',
            'die Identität jedes Empfängers, dem meine Daten offengelegt wurden, nicht nur Kategorien von Empfängern (Art. 15 Abs. 1 lit. c DSGVO; EuGH, Urteil vom 12. Januar 2023, C-154/21, Österreichische Post, ECLI:EU:C:2023:3);'
          ),
          c.t(
            'for the disclosure described above: when it happened, which of my data it covered (how many files, from which period) and to whom; if you withhold the identity of that recipient, your reasons;',
            'zu der oben beschriebenen Offenlegung: wann sie geschah, welche meiner Daten sie umfasste (Zahl der Dateien, Zeitraum) und an wen; falls Sie die Identität dieses Empfängers zurückhalten, Ihre Gründe;'
          ),
          c.t('whether and when you notified this breach under Art. 33 GDPR, to which supervisory authority, and its reference;', 'ob und wann Sie diese Verletzung nach Art. 33 DSGVO gemeldet haben, bei welcher Aufsichtsbehörde und unter welchem Aktenzeichen;'),
          c.t(
            'unless you have already given it, the information Art. 34(2) GDPR requires: the nature of the breach, the contact of your data protection officer, its likely consequences and the measures you took or propose (Art. 33(3)(b) to (d) GDPR);',
            'soweit noch nicht geschehen, die Informationen nach Art. 34 Abs. 2 DSGVO: Art der Verletzung, Kontaktdaten Ihres Datenschutzbeauftragten, wahrscheinliche Folgen und ergriffene oder vorgeschlagene Maßnahmen (Art. 33 Abs. 3 lit. b bis d DSGVO);'
          ),
          c.t('what you have done to get my data back or have them erased, and whom you informed of it (Art. 19 GDPR).', 'was Sie unternommen haben, um meine Daten zurückzuerhalten oder löschen zu lassen, und wen Sie darüber unterrichtet haben (Art. 19 DSGVO).')
        ]
      },
      erase
        ? { kind: 'heading', text: c.t('Erasure (Art. 17 GDPR)', 'Löschung (Art. 17 DSGVO)') }
        : { kind: 'heading', text: c.t('Restriction (Art. 18 GDPR)', 'Einschränkung (Art. 18 DSGVO)') },
      {
        kind: 'paragraph',
        text: erase
          ? c.t(
              'After you have answered my request for access, erase my voice recordings and their transcripts (Art. 17(1)(a), (b) and (d) GDPR), and ask every recipient to do the same (Art. 19 GDPR).',
              'Nach Erteilung der Auskunft löschen Sie bitte meine Sprachaufnahmen und deren Transkripte (Art. 17 Abs. 1 lit. a, b und d DSGVO) und fordern jeden Empfänger auf, dasselbe zu tun (Art. 19 DSGVO).'
            )
          : c.t(
              'Until my claims are settled, restrict the processing of my voice recordings and their transcripts (Art. 18(1)(b) and (c) GDPR): keep them, as they are evidence, but do not use them for anything else.',
              'Bis meine Ansprüche geklärt sind, schränken Sie bitte die Verarbeitung meiner Sprachaufnahmen und Transkripte ein (Art. 18 Abs. 1 lit. b und c DSGVO): Bewahren Sie sie als Beweismittel auf, verwenden Sie sie aber zu nichts anderem.'
            )
      },
      deadlineParagraph(c),
      reservationParagraph(c)
    ],
    attachments: [
      manifestAttachment(c),
      c.t('Copy of my identification in your terms (the e-mail address of my account); no identity document unless you show it is needed', 'Nachweis meiner Identität in Ihren Kundendaten (E-Mail-Adresse des Kontos); ein Ausweisdokument nur, wenn Sie begründen, dass es nötig ist')
    ]
  }
}
