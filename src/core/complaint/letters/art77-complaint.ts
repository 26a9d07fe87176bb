import { beiAuthority } from '../authorities'
import { authorityTo, type Block, type KindWriter } from './model'
import { austrianTimeLimit, channelName, defaultHarm, evidenceBlocks, leadParagraph, manifestAttachment, respondentShort, sanctionItems, theirReference, weakOnly } from './shared'

/**
 * (2) The recipient's complaint under Art. 77 about their own rights: the access request was not
 * answered with their data, and their own data may have gone to someone else. It asks for what an
 * authority can grant: a formal finding, an order under Art. 58(2)(c), and that it consider a fine.
 */
export const art77Complaint: KindWriter = (c) => {
  const f = c.facts
  const { complaint } = c.authorities
  const d = c.deadline
  const weak = weakOnly(c)
  const timeline: string[] = [
    c.t(
      `${c.date(f.requestDate)}: I asked the controller ${channelName(c, 'them')} for access to my data under Art. 15 GDPR${theirReference(c, 'them')}.`,
      `${c.date(f.requestDate)}: Auskunftsantrag nach Art. 15 DSGVO ${channelName(c, 'them')}${theirReference(c, 'them')}.`,
      `${c.date(f.requestDate)} : demande d'accès à mes données au titre de l'art. 15 du RGPD, ${channelName(c, 'them')}${theirReference(c, 'them')}.`
    ),
    c.t(
      `${c.date(f.receiptDate)}: I received the controller's answer${d.original.inTime ? '' : `, after the one-month period had ended on ${c.date(d.original.due)}`}.`,
      `${c.date(f.receiptDate)}: Eingang der Auskunft${d.original.inTime ? '' : `, nach Ablauf der Monatsfrist am ${c.date(d.original.due)}`}.`,
      `${c.date(f.receiptDate)} : réception de la réponse du responsable du traitement${d.original.inTime ? '' : `, après l'expiration du délai d'un mois le ${c.date(d.original.due)}`}.`
    ),
    c.t(
      `${c.date(f.discoveryDate)}: I found ${weak ? 'what I believe is' : ''}${weak ? ' ' : ''}another person's data in it.`,
      `${c.date(f.discoveryDate)}: Ich bemerke, dass sie ${weak ? 'nach meiner Einschätzung ' : ''}Daten einer anderen Person enthält.`,
      `${c.date(f.discoveryDate)} : je constate qu'elle contient ${weak ? 'ce que je pense être ' : ''}des données d'une autre personne.`
    ),
    f.noticeSentDate
      ? c.t(
          `${c.date(f.noticeSentDate)}: I notified the controller of the breach and asked for a correct answer, due by ${c.date(d.effectiveDue)}.`,
          `${c.date(f.noticeSentDate)}: Meldung der Verletzung an den Verantwortlichen und Antrag auf richtige Auskunft, fällig bis zum ${c.date(d.effectiveDue)}.`,
          `${c.date(f.noticeSentDate)} : signalement de la violation au responsable du traitement et demande d'une réponse exacte, attendue au plus tard le ${c.date(d.effectiveDue)}.`
        )
      : c.t(
          `${c.date(c.today)}: I notify the controller of the breach and ask for a correct answer, due by ${c.date(d.due)}.`,
          `${c.date(c.today)}: Meldung der Verletzung an den Verantwortlichen und Antrag auf richtige Auskunft, fällig bis zum ${c.date(d.due)}.`,
          `${c.date(c.today)} : je signale la violation au responsable du traitement et demande une réponse exacte, attendue au plus tard le ${c.date(d.due)}.`
        ),
    ...(f.refusalDate
      ? [c.t(`${c.date(f.refusalDate)}: the controller refused to act on my request.`, `${c.date(f.refusalDate)}: Der Verantwortliche lehnt es ab, meinem Antrag nachzukommen.`, `${c.date(f.refusalDate)} : le responsable du traitement refuse de donner suite à ma demande.`)]
      : [])
  ]
  const prior = f.priorContact.trim()
  const harm = f.harm.trim()
  const why = f.complainNowReason.trim()
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: c.t(
        `I lodge a complaint under Art. 77 GDPR against ${respondentShort(c)}, about the processing of my own personal data. The controller knows me by the account ${f.accountId}.`,
        `Hiermit erhebe ich ${beiAuthority(complaint)} Beschwerde nach Art. 77 DSGVO gegen ${respondentShort(c)} wegen der Verarbeitung meiner personenbezogenen Daten. Der Verantwortliche kennt mich unter dem Kundenkonto ${f.accountId}.`,
        `J'introduis une réclamation au titre de l'art. 77 du RGPD contre ${respondentShort(c)}, concernant le traitement de mes propres données à caractère personnel. Le responsable du traitement me connaît sous le compte ${f.accountId}.`
      )
    },
    ...(why
      ? [{ kind: 'paragraph' as const, text: c.t(`I do not wait for the end of the controller's period because ${why}`, `Ich warte das Ende der Frist des Verantwortlichen nicht ab, weil ${why}`, `Je n'attends pas l'expiration du délai du responsable du traitement, car ${why}`) }]
      : []),
    { kind: 'heading', text: c.t('Facts', 'Sachverhalt', 'Les faits') },
    { kind: 'list', numbered: false, items: timeline },
    ...(prior ? [{ kind: 'paragraph' as const, text: c.t(`Contact with the controller since then: ${prior}`, `Kontakt mit dem Verantwortlichen seither: ${prior}`, `Échanges avec le responsable du traitement depuis lors : ${prior}`) }] : []),
    { kind: 'heading', text: c.t('Evidence', 'Beweismittel', 'Éléments de preuve') },
    ...evidenceBlocks(c, 'not-mine'),
    { kind: 'heading', text: weak ? c.t('Likely infringements', 'Voraussichtliche Verstöße', 'Manquements probables') : c.t('Infringements', 'Verstöße', 'Manquements') },
    ...(weak
      ? [
          {
            kind: 'paragraph' as const,
            text: c.t(
              'The following holds if, as I believe, the recordings are not mine; the controller can settle this from its own records, and I ask you to have it do so.',
              'Das Folgende gilt, wenn die Aufnahmen, wie ich annehme, nicht von mir stammen; der Verantwortliche kann dies anhand seiner eigenen Unterlagen klären, und ich bitte Sie, dies zu veranlassen.',
              "Ce qui suit vaut si, comme je le pense, ces enregistrements ne sont pas les miens ; le responsable du traitement peut l'établir à partir de ses propres données, et je vous demande de l'y inviter."
            )
          }
        ]
      : []),
    {
      kind: 'list',
      numbered: false,
      items: [
        c.t(
          "Art. 15(1) and (3) and Art. 12(3) GDPR: the controller's answer is not a copy of my data. It contains another person's data, so I cannot tell whether it is complete as to mine.",
          'Art. 15 Abs. 1 und 3 sowie Art. 12 Abs. 3 DSGVO: Die Auskunft ist keine Kopie meiner Daten. Sie enthält Daten einer anderen Person; ob sie meine Daten vollständig wiedergibt, ist nicht erkennbar.',
          "Art. 15, § 1 et § 3, et art. 12, § 3, du RGPD : la réponse du responsable du traitement n'est pas une copie de mes données. Elle contient les données d'une autre personne, de sorte que je ne peux savoir si elle est complète me concernant."
        ),
        c.t(
          "Art. 15(4) GDPR: the controller had to make sure that my copy did not adversely affect others; it handed me another person's recordings instead.",
          'Art. 15 Abs. 4 DSGVO: Der Verantwortliche hatte sicherzustellen, dass meine Kopie die Rechte anderer nicht beeinträchtigt; stattdessen hat er mir die Aufnahmen einer anderen Person übermittelt.',
          "Art. 15, § 4, du RGPD : le responsable du traitement devait veiller à ce que ma copie ne porte pas atteinte aux droits d'autrui ; il m'a au contraire remis les enregistrements d'une autre personne."
        ),
        c.t(
          "Art. 5(1)(f) and Art. 32 GDPR: the mix-up shows that the controller's handling of access requests does not keep customers' data apart. My own data may have been sent to someone else in the same way (a personal data breach, Art. 4(12) GDPR, to be notified under Art. 33 and 34 GDPR).",
          'Art. 5 Abs. 1 lit. f und Art. 32 DSGVO: Die Verwechslung zeigt, dass der Verantwortliche bei Auskünften die Daten seiner Kunden nicht sicher trennt. Meine eigenen Daten könnten auf dieselbe Weise an eine andere Person gegangen sein (eine Verletzung nach Art. 4 Nr. 12 DSGVO, zu melden nach Art. 33 und 34 DSGVO).',
          "Art. 5, § 1, f), et art. 32 du RGPD : la confusion montre que le responsable du traitement ne sépare pas de manière sûre les données de ses clients lorsqu'il répond aux demandes d'accès. Mes propres données ont pu être envoyées de la même façon à quelqu'un d'autre (une violation de données, art. 4, point 12, du RGPD, à notifier au titre des art. 33 et 34 du RGPD)."
        )
      ]
    },
    { kind: 'heading', text: c.t('Harm', 'Folgen für mich', 'Préjudice') },
    { kind: 'paragraph', text: harm || defaultHarm(c) },
    { kind: 'heading', text: c.t('What I ask of you', 'Anträge', 'Mes demandes') },
    { kind: 'paragraph', text: c.t('I ask you to', 'Ich beantrage,', 'Je vous demande') },
    {
      kind: 'list',
      numbered: true,
      items: [
        c.t(
          'formally find that the controller infringed Art. 12(3) and Art. 15 GDPR in answering my access request;',
          'festzustellen, dass der Verantwortliche bei der Beantwortung meines Auskunftsantrags gegen Art. 12 Abs. 3 und Art. 15 DSGVO verstoßen hat;',
          "de constater formellement que le responsable du traitement a méconnu l'art. 12, § 3, et l'art. 15 du RGPD en répondant à ma demande d'accès ;"
        ),
        c.t(
          'order the controller to comply with my request and give me a correct and complete answer under Art. 15 GDPR (Art. 58(2)(c) GDPR);',
          'den Verantwortlichen anzuweisen, meinem Antrag zu entsprechen und mir eine richtige und vollständige Auskunft nach Art. 15 DSGVO zu erteilen (Art. 58 Abs. 2 lit. c DSGVO);',
          "d'ordonner au responsable du traitement de satisfaire à ma demande et de me fournir une réponse exacte et complète au titre de l'art. 15 du RGPD (art. 58, § 2, c), du RGPD) ;"
        ),
        c.t(
          'investigate whether my own data were disclosed to anyone else, and the breach itself (Art. 57(1)(f) and Art. 58(1) GDPR), including whether the controller notified it under Art. 33 GDPR and informed the people concerned under Art. 34 GDPR;',
          'zu untersuchen, ob meine eigenen Daten anderen offengelegt wurden, und die Verletzung selbst aufzuklären (Art. 57 Abs. 1 lit. f und Art. 58 Abs. 1 DSGVO), einschließlich der Frage, ob der Verantwortliche sie nach Art. 33 DSGVO gemeldet und die Betroffenen nach Art. 34 DSGVO benachrichtigt hat;',
          "d'enquêter sur la question de savoir si mes propres données ont été communiquées à d'autres, ainsi que sur la violation elle-même (art. 57, § 1, f), et art. 58, § 1, du RGPD), y compris sur sa notification au titre de l'art. 33 du RGPD et l'information des personnes concernées au titre de l'art. 34 du RGPD ;"
        ),
        ...sanctionItems(c),
        c.t(
          'inform me of the progress and the outcome of the complaint (Art. 77(2) GDPR), and within three months at the latest (Art. 78(2) GDPR).',
          'mich über den Stand und das Ergebnis der Beschwerde zu unterrichten (Art. 77 Abs. 2 DSGVO), spätestens innerhalb von drei Monaten (Art. 78 Abs. 2 DSGVO).',
          "de m'informer de l'état d'avancement et de l'issue de la réclamation (art. 77, § 2, du RGPD), au plus tard dans un délai de trois mois (art. 78, § 2, du RGPD)."
        )
      ]
    }
  ]
  const austria = austrianTimeLimit(c)
  if (austria) body.push(austria)
  const leadBlock = leadParagraph(c)
  if (leadBlock) body.push(leadBlock)
  body.push({
    kind: 'paragraph',
    text: f.shareIdentityWithController
      ? c.t('You may share my identity and this complaint with the controller.', 'Mit der Weitergabe meiner Identität und dieser Beschwerde an den Verantwortlichen bin ich einverstanden.', "J'accepte que mon identité et la présente réclamation soient communiquées au responsable du traitement.")
      : c.t(
          'Please do not disclose my identity to the controller beyond what the procedure requires; tell me before you do.',
          'Bitte geben Sie meine Identität an den Verantwortlichen nur weiter, soweit das Verfahren es erfordert, und teilen Sie mir dies vorher mit.',
          "Je vous prie de ne communiquer mon identité au responsable du traitement que dans la mesure où la procédure l'exige, et de m'en avertir au préalable."
        )
  })
  body.push({
    kind: 'paragraph',
    text: c.t(
      "I do not enclose the other person's recordings or transcripts; I keep one sealed copy and can hand it over on request through a secure channel. I report the breach of that person's data separately, under the same reference.",
      'Die Aufnahmen und Transkripte der anderen Person lege ich nicht bei; ich verwahre eine versiegelte Kopie und übergebe sie auf Anfrage über einen sicheren Kanal. Die Verletzung der Daten dieser Person melde ich gesondert unter demselben Zeichen.',
      "Je ne joins pas les enregistrements ni les transcriptions de l'autre personne ; j'en conserve une copie scellée que je peux vous remettre sur demande par un canal sécurisé. Je signale séparément, sous la même référence, la violation des données de cette personne."
    )
  })
  return {
    to: authorityTo(complaint),
    subject: c.t(
      `Complaint under Art. 77 GDPR against ${c.controller.legalName}: wrong answer to my access request`,
      `Beschwerde nach Art. 77 DSGVO gegen ${c.controller.legalName}: fehlerhafte Auskunft`,
      `Réclamation au titre de l'art. 77 du RGPD contre ${c.controller.legalName} : réponse erronée à ma demande d'accès`
    ),
    salutation: c.t('Dear Sir or Madam,', 'Sehr geehrte Damen und Herren,', 'Madame, Monsieur,'),
    body,
    attachments: [
      manifestAttachment(c),
      c.t(`Copy of my access request of ${c.date(f.requestDate)}`, `Kopie meines Auskunftsantrags vom ${c.date(f.requestDate)}`, `Copie de ma demande d'accès du ${c.date(f.requestDate)}`),
      c.t(
        `The controller's answer of ${c.date(f.receiptDate)} (e-mail with headers or download notice)`,
        `Antwort des Verantwortlichen vom ${c.date(f.receiptDate)} (E-Mail mit Kopfzeilen oder Download-Hinweis)`,
        `Réponse du responsable du traitement du ${c.date(f.receiptDate)} (courriel avec en-têtes ou avis de téléchargement)`
      ),
      c.t(
        `My notice to the controller of ${c.date(f.noticeSentDate ?? c.today)}`,
        `Mein Schreiben an den Verantwortlichen vom ${c.date(f.noticeSentDate ?? c.today)}`,
        `Mon courrier au responsable du traitement du ${c.date(f.noticeSentDate ?? c.today)}`
      ),
      ...(prior ? [c.t('Further correspondence with the controller, in date order', 'Weitere Korrespondenz mit dem Verantwortlichen, nach Datum geordnet', 'Autres échanges avec le responsable du traitement, par ordre chronologique')] : [])
    ]
  }
}
