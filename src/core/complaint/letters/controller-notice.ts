import type { Block, KindWriter } from './model'
import { channelName, controllerTo, deadlineParagraph, evidenceBlocks, manifestAttachment, originalsParagraph, reservationParagraph, theirReference, weakOnly } from './shared'

/**
 * (1) The recipient tells the controller: your answer to my access request holds someone else's
 * data (a breach), give me a correct answer, say whether mine went elsewhere, and tell me how to
 * return or destroy the files. "I request" only for the sender's own rights (Art. 15, 17, 18, 19);
 * what the sender has no right to (the Art. 33/34 notifications, return instructions) is asked for.
 */
export const controllerNotice: KindWriter = (c) => {
  const f = c.facts
  const weak = weakOnly(c)
  const assessment: Block = weak
    ? {
        kind: 'paragraph',
        text: c.t(
          "If these recordings are indeed another person's, sending them to me was an unauthorised disclosure and so a personal data breach (Art. 4(12) GDPR), which you would have to notify to your supervisory authority and document (Art. 33 GDPR). I cannot be certain that they are not mine, so I ask you to check and tell me whose they are.",
          'Sollten diese Aufnahmen tatsächlich von einer anderen Person stammen, war ihre Übermittlung an mich eine unbefugte Offenlegung und damit eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO), die Sie Ihrer Aufsichtsbehörde melden und dokumentieren müssten (Art. 33 DSGVO). Da ich nicht sicher sein kann, dass sie nicht von mir stammen, bitte ich Sie, dies zu prüfen und mir mitzuteilen, wem sie gehören.',
          "Si ces enregistrements sont bien ceux d'une autre personne, leur envoi constitue une divulgation non autorisée et donc une violation de données à caractère personnel (art. 4, point 12, du RGPD), que vous devriez notifier à votre autorité de contrôle et documenter (art. 33 du RGPD). Ne pouvant être certain qu'ils ne sont pas les miens, je vous demande de le vérifier et de m'indiquer à qui ils appartiennent."
        )
      }
    : {
        kind: 'paragraph',
        text: c.t(
          "Sending another person's recordings to me is an unauthorised disclosure and so a personal data breach (Art. 4(12) GDPR). It shows that the integrity and confidentiality of the data were not protected (Art. 5(1)(f) GDPR) and that the security of the processing was not appropriate (Art. 32 GDPR). With this letter you are aware of the breach: you must notify your supervisory authority within 72 hours and document the breach (Art. 33(1) and (5) GDPR). Voice recordings are likely to result in a high risk to the person concerned, who must then be told without undue delay (Art. 34 GDPR).",
          'Die Übermittlung der Aufnahmen einer anderen Person an mich ist eine unbefugte Offenlegung und damit eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO). Sie zeigt, dass Integrität und Vertraulichkeit der Daten nicht gewahrt waren (Art. 5 Abs. 1 lit. f DSGVO) und die Sicherheit der Verarbeitung nicht angemessen war (Art. 32 DSGVO). Mit diesem Schreiben ist Ihnen die Verletzung bekannt: Sie müssen sie binnen 72 Stunden Ihrer Aufsichtsbehörde melden und dokumentieren (Art. 33 Abs. 1 und 5 DSGVO). Sprachaufnahmen bergen voraussichtlich ein hohes Risiko für die betroffene Person, die dann unverzüglich zu benachrichtigen ist (Art. 34 DSGVO).',
          "L'envoi des enregistrements d'une autre personne constitue une divulgation non autorisée et donc une violation de données à caractère personnel (art. 4, point 12, du RGPD). Il montre que l'intégrité et la confidentialité des données n'ont pas été garanties (art. 5, § 1, f), du RGPD) et que la sécurité du traitement n'était pas appropriée (art. 32 du RGPD). Par le présent courrier, vous avez connaissance de la violation : vous devez la notifier à votre autorité de contrôle dans les 72 heures et la documenter (art. 33, § 1 et § 5, du RGPD). Des enregistrements vocaux sont susceptibles d'engendrer un risque élevé pour la personne concernée, qui doit alors en être informée dans les meilleurs délais (art. 34 du RGPD)."
        )
      }
  const ukComplaint: Block[] =
    c.law === 'uk'
      ? [
          {
            kind: 'paragraph',
            text: c.t(
              'This letter is also my complaint to you under section 164A of the Data Protection Act 2018 (inserted by the Data (Use and Access) Act 2025): please acknowledge it within 30 days and tell me the outcome without undue delay.',
              'Dieses Schreiben ist zugleich meine Beschwerde an Sie nach section 164A Data Protection Act 2018 (eingefügt durch den Data (Use and Access) Act 2025): Bitte bestätigen Sie ihren Eingang binnen 30 Tagen und teilen Sie mir das Ergebnis unverzüglich mit.',
              "Ce courrier vaut également réclamation auprès de vous au titre de la section 164A du Data Protection Act 2018 (insérée par le Data (Use and Access) Act 2025) : merci d'en accuser réception sous 30 jours et de m'informer sans retard de son issue."
            )
          }
        ]
      : []
  return {
    to: controllerTo(c),
    subject: c.t(
      `${weak ? 'Possible personal data breach' : 'Personal data breach'} in your answer to my access request of ${c.date(f.requestDate)} – new request under Art. 15 GDPR`,
      `${weak ? 'Mögliche Datenschutzverletzung' : 'Datenschutzverletzung'} in Ihrer Auskunft auf meinen Antrag vom ${c.date(f.requestDate)} – erneuter Antrag nach Art. 15 DSGVO`,
      `${weak ? 'Possible violation de données' : 'Violation de données'} dans votre réponse à ma demande d'accès du ${c.date(f.requestDate)} – nouvelle demande au titre de l'art. 15 du RGPD`
    ),
    salutation: c.t('Dear Data Protection Officer,', 'Sehr geehrte Damen und Herren,', 'Madame, Monsieur,'),
    body: [
      {
        kind: 'paragraph',
        text: c.t(
          `On ${c.date(f.requestDate)} I asked you ${channelName(c)} for a copy of my personal data under Art. 15 GDPR${theirReference(c)}. I received your answer on ${c.date(f.receiptDate)}. On ${c.date(f.discoveryDate)} I found that it ${weak ? 'appears to contain' : 'contains'} personal data of another person. You know me by the account ${f.accountId}.`,
          `Am ${c.date(f.requestDate)} habe ich ${channelName(c)} Auskunft über meine personenbezogenen Daten nach Art. 15 DSGVO beantragt${theirReference(c)}. Ihre Auskunft habe ich am ${c.date(f.receiptDate)} erhalten. Am ${c.date(f.discoveryDate)} habe ich festgestellt, dass sie ${weak ? 'offenbar' : ''}${weak ? ' ' : ''}personenbezogene Daten einer anderen Person enthält. Mein Kundenkonto: ${f.accountId}.`,
          `Le ${c.date(f.requestDate)}, je vous ai demandé ${channelName(c)} une copie de mes données à caractère personnel au titre de l'art. 15 du RGPD${theirReference(c)}. J'ai reçu votre réponse le ${c.date(f.receiptDate)}. Le ${c.date(f.discoveryDate)}, j'ai constaté qu'elle ${weak ? 'semble contenir' : 'contient'} des données à caractère personnel d'une autre personne. Mon compte client : ${f.accountId}.`
        )
      },
      { kind: 'heading', text: c.t('What I received', 'Was ich erhalten habe', "Ce que j'ai reçu") },
      ...evidenceBlocks(c, 'not-mine'),
      { kind: 'heading', text: c.t('Assessment', 'Rechtliche Einordnung', 'Appréciation juridique') },
      assessment,
      {
        kind: 'paragraph',
        text: c.t(
          'Your answer also does not fulfil my right of access: the copy under Art. 15 GDPR must be of my data, and it must not adversely affect the rights and freedoms of others (Art. 15(4) GDPR). Because it holds another person’s data, I cannot tell whether it is complete as to mine.',
          'Zugleich erfüllt Ihre Auskunft meinen Anspruch nicht: Die Kopie nach Art. 15 DSGVO muss meine Daten enthalten und darf die Rechte und Freiheiten anderer Personen nicht beeinträchtigen (Art. 15 Abs. 4 DSGVO). Da sie Daten einer anderen Person enthält, kann ich nicht erkennen, ob sie meine Daten vollständig wiedergibt.',
          "Votre réponse ne satisfait pas non plus mon droit d'accès : la copie prévue à l'art. 15 du RGPD doit porter sur mes données et ne doit pas porter atteinte aux droits et libertés d'autrui (art. 15, § 4, du RGPD). Comme elle contient les données d'une autre personne, je ne peux pas savoir si elle est complète en ce qui me concerne."
        )
      },
      { kind: 'heading', text: c.t('My requests', 'Meine Anträge', 'Mes demandes') },
      { kind: 'paragraph', text: c.t('I request that you', 'Ich beantrage,', 'Je vous demande') },
      {
        kind: 'list',
        numbered: true,
        items: [
          c.t(
            'give me a new, correct and complete answer limited to my own data: the information under Art. 15(1)(a) to (h) GDPR and a copy under Art. 15(3) GDPR;',
            'mir eine neue, richtige und vollständige Auskunft allein über meine Daten zu erteilen: die Informationen nach Art. 15 Abs. 1 lit. a bis h DSGVO und eine Kopie nach Art. 15 Abs. 3 DSGVO;',
            "de me fournir une nouvelle réponse, exacte et complète, limitée à mes propres données : les informations prévues à l'art. 15, § 1, a) à h), du RGPD et une copie au titre de l'art. 15, § 3, du RGPD ;"
          ),
          c.t(
            "tell me whether my own personal data were disclosed to anyone else, for example in the answer to another person's request, and name those recipients (Art. 15(1)(c) GDPR);",
            'mir mitzuteilen, ob meine eigenen Daten einer anderen Person offengelegt wurden, etwa in der Auskunft an einen anderen Antragsteller, und diese Empfänger zu nennen (Art. 15 Abs. 1 lit. c DSGVO);',
            "de m'indiquer si mes propres données ont été communiquées à quiconque, par exemple dans la réponse à la demande d'une autre personne, et de nommer ces destinataires (art. 15, § 1, c), du RGPD) ;"
          ),
          c.t(
            'if so, restrict the processing concerned until this is clear (Art. 18(1)(b) GDPR), erase what you hold of it unlawfully (Art. 17 GDPR), and inform each recipient of it (Art. 19 GDPR).',
            'falls ja, die betroffene Verarbeitung bis zur Klärung einzuschränken (Art. 18 Abs. 1 lit. b DSGVO), unrechtmäßig Verarbeitetes zu löschen (Art. 17 DSGVO) und jeden Empfänger darüber zu unterrichten (Art. 19 DSGVO).',
            "dans l'affirmative, de limiter le traitement concerné jusqu'à clarification (art. 18, § 1, b), du RGPD), d'effacer ce que vous en détenez illicitement (art. 17 du RGPD) et d'en informer chaque destinataire (art. 19 du RGPD)."
          )
        ]
      },
      { kind: 'paragraph', text: c.t('I would also ask you kindly to', 'Darüber hinaus bitte ich Sie,', 'Je vous saurais gré, en outre,') },
      {
        kind: 'list',
        numbered: true,
        items: [
          c.t('confirm that you have received this notice;', 'den Eingang dieses Schreibens zu bestätigen;', 'de bien vouloir accuser réception du présent courrier ;'),
          c.t(
            'tell me whether you notified the breach under Art. 33 GDPR, naming the authority and its reference, and whether you informed the person concerned under Art. 34 GDPR;',
            'mir mitzuteilen, ob Sie die Verletzung nach Art. 33 DSGVO gemeldet haben (mit Behörde und deren Aktenzeichen) und ob Sie die betroffene Person nach Art. 34 DSGVO benachrichtigt haben;',
            "de m'indiquer si vous avez notifié la violation au titre de l'art. 33 du RGPD, en précisant l'autorité et sa référence, et si vous avez informé la personne concernée au titre de l'art. 34 du RGPD ;"
          ),
          c.t(
            'if any of my data went to someone else, take steps to have them returned or erased by any recipient, as the security of processing requires (Art. 5(1)(f) and Art. 32 GDPR);',
            'falls Daten von mir an andere gegangen sind, darauf hinzuwirken, dass der Empfänger sie zurückgibt oder löscht, wie es die Sicherheit der Verarbeitung verlangt (Art. 5 Abs. 1 lit. f und Art. 32 DSGVO);',
            "si certaines de mes données ont été transmises à un tiers, de faire le nécessaire pour qu'il les restitue ou les efface, comme l'exige la sécurité du traitement (art. 5, § 1, f), et art. 32 du RGPD) ;"
          ),
          c.t(
            "tell me how to return or destroy the other person's files, and confirm in writing that you want them deleted.",
            'mir mitzuteilen, wie ich die Dateien der anderen Person zurückgeben oder vernichten soll, und mir schriftlich zu bestätigen, dass Sie ihre Löschung wünschen.',
            "de m'indiquer comment restituer ou détruire les fichiers de l'autre personne, et de me confirmer par écrit que vous souhaitez leur suppression."
          )
        ]
      },
      originalsParagraph(c),
      deadlineParagraph(c),
      ...ukComplaint,
      reservationParagraph(c)
    ],
    attachments: [
      manifestAttachment(c),
      c.t(`Copy of my access request of ${c.date(f.requestDate)}`, `Kopie meines Auskunftsantrags vom ${c.date(f.requestDate)}`, `Copie de ma demande d'accès du ${c.date(f.requestDate)}`),
      c.t(
        `Your answer of ${c.date(f.receiptDate)} (e-mail with headers or download notice)`,
        `Ihre Antwort vom ${c.date(f.receiptDate)} (E-Mail mit Kopfzeilen oder Download-Hinweis)`,
        `Votre réponse du ${c.date(f.receiptDate)} (courriel avec en-têtes ou avis de téléchargement)`
      )
    ]
  }
}
