import { authorityTo, type Block, type KindWriter } from './model'
import { evidenceBlocks, leadParagraph, manifestAttachment, respondentShort, sanctionItems, weakOnly } from './shared'

/**
 * (3) The recipient reports the breach of the stranger's data, which they have no standing to
 * complain about (Art. 77 covers one's own data), and asks the authority to act of its own motion:
 * to order that the person be told (Art. 58(2)(e)), and to consider a fine. With only weak signs it
 * asks the authority to clarify rather than asserting a breach.
 */
export const breachReport: KindWriter = (c) => {
  const f = c.facts
  const { complaint } = c.authorities
  const weak = weakOnly(c)
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: weak
        ? c.t(
            `I report what may be a personal data breach at ${respondentShort(c)}. It would concern the data of another person, not my own; my complaint about my own rights is separate, under the same reference. I ask you to look into it of your own motion (Art. 57(1)(a) and (h) GDPR, Art. 58(1) GDPR).`,
            `Ich weise Sie auf eine mögliche Verletzung des Schutzes personenbezogener Daten bei ${respondentShort(c)} hin. Sie beträfe nicht meine Daten, sondern die einer anderen Person; meine Beschwerde zu meinen eigenen Rechten erhebe ich gesondert unter demselben Zeichen. Ich rege an, den Vorgang von Amts wegen zu prüfen (Art. 57 Abs. 1 lit. a und h DSGVO, Art. 58 Abs. 1 DSGVO).`,
            `Je vous signale ce qui pourrait être une violation de données à caractère personnel chez ${respondentShort(c)}. Elle concernerait les données d'une autre personne, et non les miennes ; ma réclamation relative à mes propres droits est distincte, sous la même référence. Je vous invite à examiner ces faits d'office (art. 57, § 1, a) et h), et art. 58, § 1, du RGPD).`
          )
        : c.t(
            `I report a personal data breach at ${respondentShort(c)}. It concerns the data of another person, not my own; my complaint about my own rights is separate, under the same reference. I ask you to act of your own motion (Art. 57(1)(a) and (h) GDPR, Art. 58(1) GDPR).`,
            `Ich melde eine Verletzung des Schutzes personenbezogener Daten bei ${respondentShort(c)}. Sie betrifft nicht meine Daten, sondern die einer anderen Person; meine Beschwerde zu meinen eigenen Rechten erhebe ich gesondert unter demselben Zeichen. Ich rege an, von Amts wegen tätig zu werden (Art. 57 Abs. 1 lit. a und h DSGVO, Art. 58 Abs. 1 DSGVO).`,
            `Je vous signale une violation de données à caractère personnel chez ${respondentShort(c)}. Elle concerne les données d'une autre personne, et non les miennes ; ma réclamation relative à mes propres droits est distincte, sous la même référence. Je vous invite à agir d'office (art. 57, § 1, a) et h), et art. 58, § 1, du RGPD).`
          )
    },
    { kind: 'heading', text: c.t('What happened', 'Was geschehen ist', 'Les faits') },
    {
      kind: 'paragraph',
      text: c.t(
        `On ${c.date(f.requestDate)} I asked the controller for a copy of my own data under Art. 15 GDPR. The answer arrived on ${c.date(f.receiptDate)}. On ${c.date(f.discoveryDate)} I found in it ${weak ? 'what I believe is' : ''}${weak ? ' ' : ''}the personal data of someone I do not know.`,
        `Am ${c.date(f.requestDate)} habe ich beim Verantwortlichen Auskunft über meine eigenen Daten nach Art. 15 DSGVO beantragt. Die Auskunft kam am ${c.date(f.receiptDate)}. Am ${c.date(f.discoveryDate)} habe ich darin ${weak ? 'nach meiner Einschätzung ' : ''}personenbezogene Daten einer mir unbekannten Person gefunden.`,
        `Le ${c.date(f.requestDate)}, j'ai demandé au responsable du traitement une copie de mes propres données au titre de l'art. 15 du RGPD. La réponse m'est parvenue le ${c.date(f.receiptDate)}. Le ${c.date(f.discoveryDate)}, j'y ai trouvé ${weak ? 'ce que je pense être ' : ''}les données à caractère personnel d'une personne que je ne connais pas.`
      )
    },
    ...evidenceBlocks(c, 'not-mine'),
    {
      kind: 'paragraph',
      text: c.t(
        'I have not tried to identify this person, I have listened to no more than was needed to see that the recordings are not mine, and I have passed nothing on. I keep one sealed copy only as evidence, until you tell me it is no longer needed.',
        'Ich habe nicht versucht, die Person zu ermitteln, nur so viel angehört wie nötig, um festzustellen, dass die Aufnahmen nicht von mir stammen, und nichts weitergegeben. Ich verwahre eine versiegelte Kopie allein als Beweismittel, bis Sie mir mitteilen, dass sie nicht mehr benötigt wird.',
        "Je n'ai pas cherché à identifier cette personne, je n'ai écouté que le strict nécessaire pour constater que les enregistrements ne sont pas les miens et je n'ai rien transmis à quiconque. Je conserve une copie scellée à seule fin de preuve, jusqu'à ce que vous m'indiquiez qu'elle n'est plus nécessaire."
      )
    },
    { kind: 'heading', text: c.t('Assessment', 'Einordnung', 'Appréciation') },
    {
      kind: 'paragraph',
      text: weak
        ? c.t(
            'If the recordings are indeed another person’s, the disclosure to me is a personal data breach (Art. 4(12) GDPR) and shows a failure of integrity and confidentiality (Art. 5(1)(f) GDPR) and of the security of processing (Art. 32 GDPR). The signs I have are not conclusive; the controller can settle whose they are from its own records.',
            'Stammen die Aufnahmen tatsächlich von einer anderen Person, ist die Offenlegung an mich eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO) und zeigt, dass Integrität und Vertraulichkeit (Art. 5 Abs. 1 lit. f DSGVO) sowie die Sicherheit der Verarbeitung (Art. 32 DSGVO) nicht gewährleistet waren. Meine Anhaltspunkte sind nicht zwingend; der Verantwortliche kann anhand seiner eigenen Unterlagen klären, wem sie gehören.',
            "Si les enregistrements sont bien ceux d'une autre personne, leur divulgation constitue une violation de données à caractère personnel (art. 4, point 12, du RGPD) et révèle un défaut d'intégrité et de confidentialité (art. 5, § 1, f), du RGPD) ainsi que de sécurité du traitement (art. 32 du RGPD). Mes indices ne sont pas concluants ; le responsable du traitement peut établir à qui ils appartiennent à partir de ses propres données."
          )
        : c.t(
            'The disclosure to me is a personal data breach (Art. 4(12) GDPR) and shows a failure of integrity and confidentiality (Art. 5(1)(f) GDPR) and of the security of processing (Art. 32 GDPR). Voice recordings are likely to result in a high risk to the person concerned, so the controller had to notify the breach (Art. 33 GDPR) and inform that person (Art. 34 GDPR).',
            'Die Offenlegung an mich ist eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO) und zeigt, dass Integrität und Vertraulichkeit (Art. 5 Abs. 1 lit. f DSGVO) sowie die Sicherheit der Verarbeitung (Art. 32 DSGVO) nicht gewährleistet waren. Sprachaufnahmen bergen voraussichtlich ein hohes Risiko für die betroffene Person; der Verantwortliche musste die Verletzung daher melden (Art. 33 DSGVO) und die Person benachrichtigen (Art. 34 DSGVO).',
            "La divulgation qui m'a été faite constitue une violation de données à caractère personnel (art. 4, point 12, du RGPD) et révèle un défaut d'intégrité et de confidentialité (art. 5, § 1, f), du RGPD) ainsi que de sécurité du traitement (art. 32 du RGPD). Des enregistrements vocaux sont susceptibles d'engendrer un risque élevé pour la personne concernée ; le responsable du traitement devait donc notifier la violation (art. 33 du RGPD) et en informer cette personne (art. 34 du RGPD)."
          )
    },
    { kind: 'heading', text: c.t('I ask you to', 'Ich rege an,', 'Je vous invite à') },
    {
      kind: 'list',
      numbered: true,
      items: [
        c.t(
          'check whether the controller notified this breach under Art. 33 GDPR and, if it did not inform the person concerned, order it to do so (Art. 34 and Art. 58(2)(e) GDPR);',
          'zu prüfen, ob der Verantwortliche diese Verletzung nach Art. 33 DSGVO gemeldet hat, und, falls er die betroffene Person nicht benachrichtigt hat, dies anzuordnen (Art. 34 und Art. 58 Abs. 2 lit. e DSGVO);',
          "vérifier si le responsable du traitement a notifié cette violation au titre de l'art. 33 du RGPD et, s'il n'a pas informé la personne concernée, lui ordonner de le faire (art. 34 et art. 58, § 2, e), du RGPD) ;"
        ),
        c.t(
          'investigate how the controller answers access requests, so that no further customer receives another person’s data (Art. 58(1) GDPR);',
          'zu untersuchen, wie der Verantwortliche Auskunftsanträge bearbeitet, damit kein weiterer Kunde die Daten anderer erhält (Art. 58 Abs. 1 DSGVO);',
          "examiner la manière dont le responsable du traitement répond aux demandes d'accès, afin qu'aucun autre client ne reçoive les données d'autrui (art. 58, § 1, du RGPD) ;"
        ),
        ...sanctionItems(c).map((s) => (c.lang === 'fr' ? s.replace(/^d'examiner/, 'examiner') : s)),
        c.t('tell me whether you need the sealed copy I hold, or whether I should return or destroy it;', 'mir mitzuteilen, ob Sie die von mir verwahrte versiegelte Kopie benötigen oder ob ich sie zurückgeben oder vernichten soll;', "m'indiquer si vous avez besoin de la copie scellée que je détiens, ou si je dois la restituer ou la détruire ;"),
        c.t('let me know, as far as you can, what has become of this report.', 'mich, soweit möglich, über den Fortgang dieser Meldung zu unterrichten.', "me tenir informé, dans la mesure du possible, des suites données à ce signalement.")
      ]
    }
  ]
  const leadBlock = leadParagraph(c)
  if (leadBlock) body.push(leadBlock)
  return {
    to: authorityTo(complaint),
    subject: c.t(
      `Report of a ${weak ? 'possible ' : ''}personal data breach at ${c.controller.legalName} affecting another person – request to act of your own motion`,
      `Hinweis auf eine ${weak ? 'mögliche ' : ''}Datenschutzverletzung bei ${c.controller.legalName} zulasten einer anderen Person – Anregung eines Verfahrens von Amts wegen`,
      `Signalement d'une ${weak ? 'possible ' : ''}violation de données chez ${c.controller.legalName} au détriment d'une autre personne – demande d'action d'office`
    ),
    salutation: c.t('Dear Sir or Madam,', 'Sehr geehrte Damen und Herren,', 'Madame, Monsieur,'),
    body,
    attachments: [
      manifestAttachment(c),
      c.t(
        `My notice to the controller of ${c.date(f.noticeSentDate ?? c.today)}`,
        `Mein Schreiben an den Verantwortlichen vom ${c.date(f.noticeSentDate ?? c.today)}`,
        `Mon courrier au responsable du traitement du ${c.date(f.noticeSentDate ?? c.today)}`
      )
    ]
  }
}
