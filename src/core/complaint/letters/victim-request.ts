import type { KindWriter } from './model'
import { controllerTo, deadlineParagraph, evidenceBlocks, manifestAttachment, reservationParagraph } from './shared'

/**
 * (4) The letter the person whose recordings were disclosed sends, prepared by whoever helps them:
 * access with the recipients named (CJEU C-154/21), the details of the disclosure, and erasure or
 * (the default, as erasure destroys evidence) restriction. The sender's details, the date and the
 * deadline are placeholders for that person: the app knows nothing about them and must not try to
 * find out, and the recipient's own reference and dates are not theirs to quote.
 */
export const victimRequest: KindWriter = (c) => {
  const f = c.facts
  const erase = f.victimRemedy === 'erasure'
  const s = c.controller.service
  const service = s ? c.t(s, s, `du service ${s}`) : c.t('your service', 'Ihrem Dienst', 'de votre service')
  return {
    to: controllerTo(c),
    sender: [c.t('[Your name]', '[Ihr Name]', '[Vos nom et prénom]'), c.t('[Your postal address]', '[Ihre Anschrift]', '[Votre adresse postale]'), c.t('[The e-mail address of your account]', '[E-Mail-Adresse Ihres Kundenkontos]', "[L'adresse électronique de votre compte]")],
    signature: c.t('[Your name]', '[Ihr Name]', '[Vos nom et prénom]'),
    subject: erase
      ? c.t(
          'Disclosure of my voice recordings to another customer – access (Art. 15 GDPR) and erasure (Art. 17 GDPR)',
          'Offenlegung meiner Sprachaufnahmen an einen anderen Kunden – Auskunft (Art. 15 DSGVO) und Löschung (Art. 17 DSGVO)',
          "Communication de mes enregistrements vocaux à un autre client – accès (art. 15 du RGPD) et effacement (art. 17 du RGPD)"
        )
      : c.t(
          'Disclosure of my voice recordings to another customer – access (Art. 15 GDPR) and restriction (Art. 18 GDPR)',
          'Offenlegung meiner Sprachaufnahmen an einen anderen Kunden – Auskunft (Art. 15 DSGVO) und Einschränkung (Art. 18 DSGVO)',
          'Communication de mes enregistrements vocaux à un autre client – accès (art. 15 du RGPD) et limitation (art. 18 du RGPD)'
        ),
    salutation: c.t('Dear Data Protection Officer,', 'Sehr geehrte Damen und Herren,', 'Madame, Monsieur,'),
    body: [
      {
        kind: 'paragraph',
        text: c.t(
          `I have learned that you sent my voice recordings from ${service} to another customer, in your answer to that customer's access request. That customer has reported it to you.`,
          `Ich habe erfahren, dass Sie meine Sprachaufnahmen aus ${service} einem anderen Kunden übermittelt haben, in Ihrer Auskunft auf dessen Antrag. Dieser Kunde hat Ihnen das gemeldet.`,
          `J'ai appris que vous avez transmis mes enregistrements vocaux issus ${service} à un autre client, dans votre réponse à sa demande d'accès. Ce client vous l'a signalé.`
        )
      },
      ...evidenceBlocks(c, 'mine'),
      { kind: 'heading', text: c.t('Access (Art. 15 GDPR)', 'Auskunft (Art. 15 DSGVO)', 'Accès (art. 15 du RGPD)') },
      {
        kind: 'paragraph',
        text: c.t('I request access to my personal data under Art. 15 GDPR, and in particular:', 'Ich beantrage Auskunft über meine personenbezogenen Daten nach Art. 15 DSGVO, insbesondere:', "Je demande l'accès à mes données à caractère personnel au titre de l'art. 15 du RGPD, et notamment :")
      },
      {
        kind: 'list',
        numbered: true,
        items: [
          c.t('all the information under Art. 15(1)(a) to (h) GDPR and a copy of my data under Art. 15(3) GDPR;', 'alle Informationen nach Art. 15 Abs. 1 lit. a bis h DSGVO und eine Kopie meiner Daten nach Art. 15 Abs. 3 DSGVO;', "toutes les informations prévues à l'art. 15, § 1, a) à h), du RGPD et une copie de mes données au titre de l'art. 15, § 3, du RGPD ;"),
          c.t(
            'the identity of each recipient to whom my data have been disclosed, not only categories of recipients (Art. 15(1)(c) GDPR; Court of Justice of the EU, judgment of 12 January 2023, C-154/21, Österreichische Post, ECLI:EU:C:2023:3);',
            'die Identität jedes Empfängers, dem meine Daten offengelegt wurden, nicht nur Kategorien von Empfängern (Art. 15 Abs. 1 lit. c DSGVO; EuGH, Urteil vom 12. Januar 2023, C-154/21, Österreichische Post, ECLI:EU:C:2023:3);',
            "l'identité de chaque destinataire auquel mes données ont été communiquées, et non seulement les catégories de destinataires (art. 15, § 1, c), du RGPD ; CJUE, arrêt du 12 janvier 2023, C-154/21, Österreichische Post, ECLI:EU:C:2023:3) ;"
          ),
          c.t(
            'for the disclosure described above: when it happened, which of my data it covered (how many files, from which period) and to whom; if you withhold the identity of that recipient, your reasons.',
            'zu der oben beschriebenen Offenlegung: wann sie geschah, welche meiner Daten sie umfasste (Zahl der Dateien, Zeitraum) und an wen; falls Sie die Identität dieses Empfängers zurückhalten, Ihre Gründe.',
            "pour la communication décrite ci-dessus : sa date, les données me concernant qu'elle a visées (nombre de fichiers, période) et leur destinataire ; si vous ne divulguez pas l'identité de ce destinataire, vos motifs."
          )
        ]
      },
      { kind: 'paragraph', text: c.t('I would also ask you kindly to tell me', 'Darüber hinaus bitte ich Sie um Mitteilung,', 'Je vous saurais gré, en outre, de me faire savoir') },
      {
        kind: 'list',
        numbered: true,
        items: [
          c.t('whether and when you notified this breach under Art. 33 GDPR, to which supervisory authority, and its reference;', 'ob und wann Sie diese Verletzung nach Art. 33 DSGVO gemeldet haben, bei welcher Aufsichtsbehörde und unter welchem Aktenzeichen;', "si et quand vous avez notifié cette violation au titre de l'art. 33 du RGPD, à quelle autorité de contrôle et sous quelle référence ;"),
          c.t(
            'unless you have already given it, the information Art. 34(2) GDPR requires: the nature of the breach, the contact of your data protection officer, its likely consequences and the measures you took or propose (Art. 33(3)(b) to (d) GDPR);',
            'soweit noch nicht geschehen, die Informationen nach Art. 34 Abs. 2 DSGVO: Art der Verletzung, Kontaktdaten Ihres Datenschutzbeauftragten, wahrscheinliche Folgen und ergriffene oder vorgeschlagene Maßnahmen (Art. 33 Abs. 3 lit. b bis d DSGVO);',
            "à défaut de me les avoir déjà communiquées, les informations exigées par l'art. 34, § 2, du RGPD : la nature de la violation, les coordonnées de votre délégué à la protection des données, ses conséquences probables et les mesures prises ou envisagées (art. 33, § 3, b) à d), du RGPD) ;"
          ),
          c.t(
            'what steps you have taken to have my data returned or erased by the recipient, as the security of processing requires (Art. 5(1)(f) and Art. 32 GDPR), and whom you informed of it (Art. 19 GDPR).',
            'was Sie unternommen haben, damit der Empfänger meine Daten zurückgibt oder löscht, wie es die Sicherheit der Verarbeitung verlangt (Art. 5 Abs. 1 lit. f und Art. 32 DSGVO), und wen Sie darüber unterrichtet haben (Art. 19 DSGVO).',
            "les mesures que vous avez prises pour que le destinataire restitue ou efface mes données, comme l'exige la sécurité du traitement (art. 5, § 1, f), et art. 32 du RGPD), et qui vous en avez informé (art. 19 du RGPD)."
          )
        ]
      },
      erase
        ? { kind: 'heading', text: c.t('Erasure (Art. 17 GDPR)', 'Löschung (Art. 17 DSGVO)', 'Effacement (art. 17 du RGPD)') }
        : { kind: 'heading', text: c.t('Restriction (Art. 18 GDPR)', 'Einschränkung (Art. 18 DSGVO)', 'Limitation (art. 18 du RGPD)') },
      {
        kind: 'paragraph',
        text: erase
          ? c.t(
              'After you have answered my request for access, I request that you erase my voice recordings and their transcripts (Art. 17(1)(a), (b) and (d) GDPR) and notify every recipient of the erasure (Art. 19 GDPR).',
              'Nach Erteilung der Auskunft beantrage ich die Löschung meiner Sprachaufnahmen und ihrer Transkripte (Art. 17 Abs. 1 lit. a, b und d DSGVO) sowie die Mitteilung der Löschung an jeden Empfänger (Art. 19 DSGVO).',
              "Une fois ma demande d'accès satisfaite, je demande l'effacement de mes enregistrements vocaux et de leurs transcriptions (art. 17, § 1, a), b) et d), du RGPD) et la notification de cet effacement à chaque destinataire (art. 19 du RGPD)."
            )
          : c.t(
              'Until my claims are settled, I request that you restrict the processing of my voice recordings and their transcripts (Art. 18(1)(b) and (c) GDPR): keep them, as they are evidence, but do not use them for anything else.',
              'Bis meine Ansprüche geklärt sind, beantrage ich die Einschränkung der Verarbeitung meiner Sprachaufnahmen und Transkripte (Art. 18 Abs. 1 lit. b und c DSGVO): Bewahren Sie sie als Beweismittel auf, verwenden Sie sie aber zu nichts anderem.',
              "Jusqu'au règlement de mes demandes, je demande la limitation du traitement de mes enregistrements vocaux et de leurs transcriptions (art. 18, § 1, b) et c), du RGPD) : conservez-les, car ils constituent des preuves, mais ne les utilisez à aucune autre fin."
            )
      },
      deadlineParagraph(c, false),
      reservationParagraph(c)
    ],
    attachments: [
      manifestAttachment(c),
      c.t(
        'Copy of my identification in your terms (the e-mail address of my account); no identity document unless you show it is needed',
        'Nachweis meiner Identität in Ihren Kundendaten (E-Mail-Adresse des Kontos); ein Ausweisdokument nur, wenn Sie begründen, dass es nötig ist',
        "Élément d'identification selon vos propres données (l'adresse électronique de mon compte) ; aucune pièce d'identité, sauf si vous en justifiez la nécessité"
      )
    ]
  }
}
