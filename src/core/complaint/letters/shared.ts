import { authorityIn } from '../authorities'
import type { Block, KindText, LetterContext } from './model'
import { archiveLine, count, dateRange, deviceLines, manifestLine, quoted, recordings } from './evidence-text'

const COUNTRY: Record<string, { en: string; de: string; fr: string }> = {
  lu: { en: 'Luxembourg', de: 'Luxemburg', fr: 'Luxembourg' },
  ie: { en: 'Ireland', de: 'Irland', fr: 'Irlande' },
  gb: { en: 'United Kingdom', de: 'Vereinigtes Königreich', fr: 'Royaume-Uni' },
  de: { en: 'Germany', de: 'Deutschland', fr: 'Allemagne' }
}

/** The country line of a postal address in the letter's language; the postal line above it stays as the seat's post writes it. */
export function countryLine(c: LetterContext, code: string | null): string[] {
  return countryOf(c, code).map((n) => n.toUpperCase())
}

/** The country's name in the letter's language ("Luxemburg" in German prose), or nothing when unknown. */
function countryOf(c: LetterContext, code: string | null): string[] {
  const n = code ? COUNTRY[code] : undefined
  return n ? [n[c.lang]] : []
}

/** The controller's data protection officer as the address window shows it: the controller itself, never a delivery route. */
export function controllerTo(c: LetterContext): KindText['to'] {
  const { controller } = c
  const attn = c.t('Attn: Data Protection Officer', 'z. Hd. der/des Datenschutzbeauftragten', "À l'attention du délégué à la protection des données")
  const route = controller.deliveryRoutes.find((r) => r.email)
  return {
    lines: [controller.legalName, attn, ...controller.address, ...countryLine(c, controller.seatCountry)],
    name: controller.legalName,
    email: controller.email ?? route?.email ?? null,
    webform: controller.webform
  }
}

/** The delivery routes, each labelled as such, for the letter's head: where else it may go, not who it is to. */
export function routeLines(c: LetterContext): string[] {
  return c.controller.deliveryRoutes.map((r) => `${c.t('Delivery route: ', 'Zustellweg: ', 'Voie de remise\u00a0: ')}${[r.email, r.postal.join(', ')].filter(Boolean).join(c.lang === 'fr' ? ' ; ' : '; ')} – ${r.label[c.lang]}`)
}

/** How the access request was sent, said to the controller ('you') or about it ('them'). */
export function channelName(c: LetterContext, to: 'you' | 'them' = 'you'): string {
  const you = to === 'you'
  switch (c.facts.channel) {
    case 'webform':
      return you
        ? c.t("through your website's form", 'über Ihr Webformular', 'via le formulaire de votre site')
        : c.t("through the controller's web form", 'über das Webformular des Verantwortlichen', 'via le formulaire en ligne du responsable du traitement')
    case 'email':
      return c.t('by e-mail', 'per E-Mail', 'par courriel')
    case 'letter':
      return c.t('by post', 'per Post', 'par courrier postal')
    case 'app':
      return you ? c.t('in your app', 'in Ihrer App', 'dans votre application') : c.t("in the controller's app", 'in der App des Verantwortlichen', "dans l'application du responsable du traitement")
  }
}

/** " (your reference X)" when the controller gave one; to an authority, "the controller's reference". */
export function theirReference(c: LetterContext, to: 'you' | 'them' = 'you'): string {
  const r = c.facts.controllerReference.trim()
  if (!r) return ''
  return to === 'you'
    ? c.t(` (your reference ${r})`, ` (Ihr Zeichen ${r})`, ` (votre référence ${r})`)
    : c.t(` (the controller's reference ${r})`, ` (Zeichen des Verantwortlichen: ${r})`, ` (référence du responsable du traitement : ${r})`)
}

/** Only weak signals (an unrecognised speaker, another language) flag the recordings: the letters say "I believe". */
export const weakOnly = (c: LetterContext) => c.evidence.review?.weakOnly === true

/** The recordings as the letters name them: "that are not mine", or only "that I believe are not mine". */
function notMine(c: LetterContext): string {
  return weakOnly(c)
    ? c.t('that I believe are not mine', ', die nach meiner Einschätzung nicht von mir stammen', "dont je pense qu'ils ne sont pas les miens")
    : c.t('that are not mine', ', die nicht von mir stammen', 'qui ne sont pas les miens')
}

/**
 * What the review found that an authority can check: which devices are registered to the account
 * (no Echo at all, or no device at all), the customer id the flagged recordings carry (its last four
 * characters), and that the export also holds their transcripts.
 */
export function reviewBlocks(c: LetterContext): Block[] {
  const r = c.evidence.review
  if (!r) return []
  const out: string[] = []
  if (r.accountDevices !== null) {
    if (r.accountDevices.length === 0) {
      out.push(c.t('The export lists no device at all as registered to my account.', 'Der Export führt kein einziges Gerät als auf mein Konto registriert.', "L'export n'indique aucun appareil enregistré sur mon compte."))
    } else {
      const names = r.accountDevices.map((d) => quoted(d.name, c.lang, 40)).join(', ')
      out.push(
        r.ownsEcho === false
          ? c.t(
              `The only devices registered to my account are: ${names}. No Echo or other smart speaker is registered to it.`,
              `Auf mein Konto sind nur diese Geräte registriert: ${names}. Ein Echo oder ein anderer smarter Lautsprecher ist nicht darunter.`,
              `Les seuls appareils enregistrés sur mon compte sont : ${names}. Aucun Echo ni autre enceinte connectée n'y figure.`
            )
          : c.t(`The devices registered to my account are: ${names}.`, `Auf mein Konto sind diese Geräte registriert: ${names}.`, `Les appareils enregistrés sur mon compte sont : ${names}.`)
      )
    }
  }
  if (r.foreignAccountEnds.length > 0) {
    const ends = r.foreignAccountEnds.map((e) => `…${e}`).join(', ')
    const all = r.withForeignAccount >= c.evidence.foreignRecordings
    const mine = r.ownAccountEnd ? c.t(`; mine ends in …${r.ownAccountEnd}`, `; meine endet auf …${r.ownAccountEnd}`, ` ; le mien se termine par …${r.ownAccountEnd}`) : ''
    out.push(
      all
        ? c.t(
            `Every one of these recordings carries a customer ID that is not my account's (ending in ${ends}${mine}).`,
            `Jede dieser Aufnahmen trägt eine Kundennummer, die nicht die meines Kontos ist (endet auf ${ends}${mine}).`,
            `Chacun de ces enregistrements porte un identifiant client qui n'est pas celui de mon compte (se terminant par ${ends}${mine}).`
          )
        : c.t(
            `${count(r.withForeignAccount, 'en')} of these recordings carry a customer ID that is not my account's (ending in ${ends}${mine}).`,
            `${count(r.withForeignAccount, 'de')} dieser Aufnahmen tragen eine Kundennummer, die nicht die meines Kontos ist (endet auf ${ends}${mine}).`,
            `${count(r.withForeignAccount, 'fr')} de ces enregistrements portent un identifiant client qui n'est pas celui de mon compte (se terminant par ${ends}${mine}).`
          )
    )
  }
  if (r.transcripts > 0) {
    out.push(
      c.t(
        `The export also holds the transcripts of ${r.transcripts === c.evidence.foreignRecordings ? 'all of these recordings' : `${count(r.transcripts, 'en')} of them`}.`,
        `Der Export enthält außerdem die Transkripte ${r.transcripts === c.evidence.foreignRecordings ? 'all dieser Aufnahmen' : `von ${count(r.transcripts, 'de')} dieser Aufnahmen`}.`,
        `L'export contient en outre les transcriptions ${r.transcripts === c.evidence.foreignRecordings ? 'de tous ces enregistrements' : `de ${count(r.transcripts, 'fr')} d'entre eux`}.`
      )
    )
  }
  out.push(...voiceSentences(c))
  if (r.weakOnly) {
    // A voice the person does not know is one of the weak signs, and is named where it is one.
    const voice = (r.confirmedVoices ?? []).length > 0
    out.push(
      voice
        ? c.t(
            'These recordings are flagged only by weak signs (the export marks the speaker as unrecognised, they are in another language, or the voice is not one I know), so I ask you to clarify whose they are.',
            'Diese Aufnahmen fallen nur durch schwache Anzeichen auf (der Export nennt den Sprecher nicht erkannt, sie sind in einer anderen Sprache, oder die Stimme ist mir unbekannt); ich bitte daher um Aufklärung, wem sie gehören.',
            "Ces enregistrements ne sont signalés que par des indices faibles (l'export indique un locuteur non reconnu, ils sont dans une autre langue, ou la voix m'est inconnue) ; je vous demande donc de préciser à qui ils appartiennent."
          )
        : c.t(
            'These recordings are flagged only by weak signs (the export marks the speaker as unrecognised, or they are in another language), so I ask you to clarify whose they are.',
            'Diese Aufnahmen fallen nur durch schwache Anzeichen auf (der Export nennt den Sprecher nicht erkannt, oder sie sind in einer anderen Sprache); ich bitte daher um Aufklärung, wem sie gehören.',
            "Ces enregistrements ne sont signalés que par des indices faibles (l'export indique un locuteur non reconnu, ou ils sont dans une autre langue) ; je vous demande donc de préciser à qui ils appartiennent."
          )
    )
  }
  return out.length > 0 ? [{ kind: 'paragraph', text: out.join(' ') }] : []
}

/**
 * The voices the person confirmed as not someone they know, each a sentence that says "by its
 * sound" and that they listened, then once that a grouping by sound is a hint, not proof. Nothing
 * when no voice was so marked (review-facts.ts keeps unconfirmed groups out).
 */
export function voiceSentences(c: LetterContext): string[] {
  const voices = c.evidence.review?.confirmedVoices ?? []
  if (voices.length === 0) return []
  const out = voices.map((v) => {
    // "on A and B", not "on A, B": a reader takes a bare comma list for a cut-off sentence.
    const on = new Intl.ListFormat(c.lang, { type: 'conjunction' }).format(v.devices.map((d) => quoted(d, c.lang, 40)))
    const n = v.recordings
    return n === 1
      ? c.t(
          `One of these recordings has a voice, by its sound, that I do not know; I listened to it and confirmed this myself${on ? `. It was recorded on ${on}` : ''}.`,
          `In einer dieser Aufnahmen spricht eine Stimme, nach ihrem Klang, die ich nicht kenne; ich habe sie angehört und das selbst bestätigt${on ? `. Sie wurde mit ${on} aufgenommen` : ''}.`,
          `L'un de ces enregistrements contient une voix, d'après son timbre, que je ne connais pas ; je l'ai écouté et l'ai confirmé moi-même${on ? `. Il a été enregistré sur ${on}` : ''}.`
        )
      : c.t(
          `${count(n, 'en')} of these recordings share one voice, by its sound, that I do not know; I listened to them and confirmed this myself${on ? `. The voice was heard on ${on}` : ''}.`,
          `In ${count(n, 'de')} dieser Aufnahmen spricht dieselbe Stimme, nach ihrem Klang, die ich nicht kenne; ich habe sie angehört und das selbst bestätigt${on ? `. Die Stimme ist auf ${on} zu hören` : ''}.`,
          `${count(n, 'fr')} de ces enregistrements partagent une même voix, d'après son timbre, que je ne connais pas ; je les ai écoutés et l'ai confirmé moi-même${on ? `. Cette voix se fait entendre sur ${on}` : ''}.`
        )
  })
  out.push(
    c.t(
      'The recordings were grouped by the sound of the voice on my own computer; such a grouping is a hint that I checked by listening, not proof of who spoke.',
      'Die Aufnahmen wurden auf meinem eigenen Rechner nach dem Klang der Stimme gruppiert; eine solche Gruppierung ist ein Hinweis, den ich durch Anhören geprüft habe, kein Beweis, wer gesprochen hat.',
      "Les enregistrements ont été regroupés d'après le timbre de la voix sur mon propre ordinateur ; un tel regroupement est un indice que j'ai vérifié à l'écoute, non une preuve de l'identité du locuteur."
    )
  )
  return out
}

/**
 * What the export held that is not the person's: counts, dates, devices, what the review found,
 * the archive's identity and the manifest's hash. Nothing of the recordings' content.
 */
export function evidenceBlocks(c: LetterContext, whose: 'not-mine' | 'mine'): Block[] {
  const e = c.evidence
  const range = dateRange(e, c.lang)
  const n = recordings(e.foreignRecordings, c.lang)
  const r = range ? ` ${range}` : ''
  const devices = e.foreignDevices.length > 0
  const nm = notMine(c)
  const multi = e.parts.length > 1
  const lead =
    whose === 'not-mine'
      ? c.t(
          `The export ${multi ? 'consists of the files' : 'is the file'} ${archiveLine(e, 'en')}. It contains ${n}${r} ${nm}${devices ? ', recorded on these devices:' : '.'}`,
          `Die Auskunft ${multi ? 'besteht aus den Dateien' : 'ist die Datei'} ${archiveLine(e, 'de')}. Sie enthält ${n}${r}${nm}${devices ? '; aufgenommen mit diesen Geräten:' : '.'}`,
          `L'export ${multi ? 'se compose des fichiers' : 'est le fichier'} ${archiveLine(e, 'fr')}. Il contient ${n}${r} ${nm}${devices ? ', enregistrés sur ces appareils :' : '.'}`
        )
      : c.t(
          `The other customer's export ${multi ? 'consists of the files' : 'is the file'} ${archiveLine(e, 'en')}. It contains ${n}${r} that are mine${devices ? ', from these devices:' : '.'}`,
          `Die Auskunft an den anderen Kunden ${multi ? 'besteht aus den Dateien' : 'ist die Datei'} ${archiveLine(e, 'de')}. Sie enthält ${n}${r}, die von mir stammen${devices ? ', von diesen Geräten:' : '.'}`,
          `L'export remis à l'autre client ${multi ? 'se compose des fichiers' : 'est le fichier'} ${archiveLine(e, 'fr')}. Il contient ${n}${r} qui sont les miens${devices ? ', provenant de ces appareils :' : '.'}`
        )
  const blocks: Block[] = [{ kind: 'paragraph', text: lead }]
  if (devices) blocks.push({ kind: 'list', items: deviceLines(e, c.lang), numbered: false })
  if (whose === 'not-mine') blocks.push(...reviewBlocks(c))
  blocks.push({
    kind: 'paragraph',
    text: c.t(
      `The evidence manifest lists each of these files with its path in the archive, size, CRC-32 and SHA-256, and why it was flagged. ${manifestLine(e, 'en')}`,
      `Das Beweisverzeichnis führt jede dieser Dateien mit Pfad im Archiv, Größe, CRC-32 und SHA-256 auf und nennt, warum sie auffiel. ${manifestLine(e, 'de')}`,
      `L'inventaire des preuves énumère chacun de ces fichiers avec son chemin dans l'archive, sa taille, son CRC-32 et son SHA-256, ainsi que la raison de son signalement. ${manifestLine(e, 'fr')}`
    )
  })
  return blocks
}

/** The harm when the person wrote none: what is true of their case (no Echo: no "recordings from inside my home"). */
export function defaultHarm(c: LetterContext): string {
  const r = c.evidence.review
  // Only a registered smart speaker makes "recordings from inside my home" true; unknown is not enough.
  const speaker = r?.ownsEcho === true
  return !speaker
    ? c.t(
        'I do not know whether my own personal data held by the controller were sent to a stranger in the same way, and I have not received the answer about my data that the law gives me.',
        'Ich weiß nicht, ob meine eigenen Daten beim Verantwortlichen auf dieselbe Weise an Fremde gegangen sind, und habe die Auskunft über meine Daten, die mir zusteht, nicht erhalten.',
        "J'ignore si mes propres données détenues par le responsable du traitement ont été envoyées de la même manière à un inconnu, et je n'ai pas reçu la réponse sur mes données à laquelle la loi me donne droit."
      )
    : c.t(
        'I do not know whether my own recordings from inside my home were sent to a stranger, and I have not received the answer about my data that the law gives me.',
        'Ich weiß nicht, ob meine eigenen Aufnahmen aus meiner Wohnung an Fremde gegangen sind, und habe die Auskunft über meine Daten, die mir zusteht, nicht erhalten.',
        "J'ignore si mes propres enregistrements faits chez moi ont été envoyés à un inconnu, et je n'ai pas reçu la réponse sur mes données à laquelle la loi me donne droit."
      )
}

/** No copy of the stranger's data goes with the letter; originals only on request, securely. */
export function originalsParagraph(c: LetterContext): Block {
  return {
    kind: 'paragraph',
    text: c.t(
      "I do not enclose the other person's recordings or transcripts. The hashes in the manifest let you match every file against your own records. I keep one sealed copy as evidence and will hand the originals to you or to a supervisory authority over a secure channel if asked.",
      'Die Aufnahmen und Transkripte der anderen Person lege ich nicht bei. Über die Hashwerte im Verzeichnis können Sie jede Datei mit Ihren eigenen Unterlagen abgleichen. Ich verwahre eine versiegelte Kopie als Beweismittel und übergebe die Originale auf Anfrage Ihnen oder einer Aufsichtsbehörde über einen sicheren Kanal.',
      "Je ne joins pas les enregistrements ni les transcriptions de l'autre personne. Les empreintes de l'inventaire vous permettent de rapprocher chaque fichier de vos propres données. Je conserve une copie scellée à titre de preuve et remettrai les originaux, sur demande, à vous ou à une autorité de contrôle par un canal sécurisé."
    )
  }
}

/** Art. 12(3)–(5): the one-month answer, the extension, reasons for not acting, free of charge. `dated: false` leaves the date to the sender. */
export function deadlineParagraph(c: LetterContext, dated = true): Block {
  const d = c.deadline
  const by = dated ? c.t(`, that is by ${c.date(d.due)}`, `, also bis zum ${c.date(d.due)}`, `, soit au plus tard le ${c.date(d.due)}`) : ''
  return {
    kind: 'paragraph',
    text: c.t(
      `Please answer without undue delay and in any event within one month of receiving this letter${by} (Art. 12(3) GDPR). You may extend this by two further months only if you tell me so within the first month and give your reasons. If you do not act on my request, you must tell me why within the same month and inform me of my right to complain to a supervisory authority (Art. 12(4) GDPR). Your answer is free of charge (Art. 12(5) GDPR).`,
      `Bitte antworten Sie unverzüglich, spätestens aber innerhalb eines Monats nach Eingang dieses Schreibens${by} (Art. 12 Abs. 3 DSGVO). Eine Verlängerung um zwei weitere Monate ist nur möglich, wenn Sie mir dies innerhalb des ersten Monats mit Gründen mitteilen. Werden Sie nicht tätig, müssen Sie mir innerhalb derselben Frist die Gründe nennen und mich auf mein Beschwerderecht bei einer Aufsichtsbehörde hinweisen (Art. 12 Abs. 4 DSGVO). Die Auskunft ist unentgeltlich (Art. 12 Abs. 5 DSGVO).`,
      `Je vous prie de répondre dans les meilleurs délais et, en tout état de cause, dans un délai d'un mois à compter de la réception de ce courrier${by} (art. 12, § 3, du RGPD). Ce délai ne peut être prolongé de deux mois que si vous m'en informez dans le premier mois en indiquant les motifs. Si vous ne donnez pas suite à ma demande, vous devez m'en indiquer les raisons dans le même délai et m'informer de la possibilité d'introduire une réclamation auprès d'une autorité de contrôle (art. 12, § 4, du RGPD). La réponse est gratuite (art. 12, § 5, du RGPD).`
    )
  }
}

export function reservationParagraph(c: LetterContext): Block {
  return {
    kind: 'paragraph',
    text: c.t(
      'I reserve the right to lodge a complaint with a supervisory authority (Art. 77 GDPR), to seek a judicial remedy against you (Art. 79 GDPR) and to claim compensation (Art. 82 GDPR).',
      'Ich behalte mir vor, Beschwerde bei einer Aufsichtsbehörde einzulegen (Art. 77 DSGVO), gerichtlich gegen Sie vorzugehen (Art. 79 DSGVO) und Schadensersatz zu verlangen (Art. 82 DSGVO).',
      "Je me réserve le droit d'introduire une réclamation auprès d'une autorité de contrôle (art. 77 du RGPD), d'exercer un recours juridictionnel contre vous (art. 79 du RGPD) et de demander réparation (art. 82 du RGPD)."
    )
  }
}

/** "Google Ireland Limited (service: Google Assistant)": the respondent in running text; the full address is in the head. */
export function respondentShort(c: LetterContext): string {
  const { controller } = c
  const n = controller.legalName
  const s = controller.service
  return s ? c.t(`${n} (service: ${s})`, `${n} (Dienst: ${s})`, `${n} (service\u00a0: ${s})`) : n
}

/** "Amazon Europe Core S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg; service: …" for authority letters. */
export function respondentLine(c: LetterContext): string {
  const { controller } = c
  const where = controller.address.length > 0 ? `, ${[...controller.address, ...countryOf(c, controller.seatCountry)].join(', ')}` : ''
  const service = controller.service ? c.t(`; service: ${controller.service}`, `; Dienst: ${controller.service}`, ` ; service : ${controller.service}`) : ''
  return `${controller.legalName}${where}${service}`
}


export const manifestAttachment = (c: LetterContext) =>
  c.evidence.manifestSha256
    ? c.t(
        `Evidence manifest (manifest.json, manifest.csv), SHA-256 ${c.evidence.manifestSha256}`,
        `Beweisverzeichnis (manifest.json, manifest.csv), SHA-256 ${c.evidence.manifestSha256}`,
        `Inventaire des preuves (manifest.json, manifest.csv), SHA-256 ${c.evidence.manifestSha256}`
      )
    : c.t('Evidence manifest (manifest.json, manifest.csv)', 'Beweisverzeichnis (manifest.json, manifest.csv)', 'Inventaire des preuves (manifest.json, manifest.csv)')

/** To the authority: who leads for this controller, and that the case may be passed on (Art. 56, 60). */
export function leadParagraph(c: LetterContext): Block | null {
  const { complaint, lead } = c.authorities
  if (!lead || lead.slug === complaint.slug || c.law === 'uk') return null
  return {
    kind: 'paragraph',
    text: c.t(
      `As far as I know, the lead supervisory authority for ${c.controller.legalName} is ${authorityIn(lead, 'en')} (Art. 56 GDPR). Please pass this on to it as the cooperation procedure requires (Art. 56 and 60 GDPR); I would like to deal with you, in English.`,
      `Federführende Aufsichtsbehörde für ${c.controller.legalName} ist nach meiner Kenntnis ${authorityIn(lead, 'de', 'nom')} (Art. 56 DSGVO). Bitte leiten Sie den Vorgang im Verfahren der Zusammenarbeit dorthin weiter, soweit erforderlich (Art. 56 und 60 DSGVO); ich bitte darum, dass Ihre Behörde meine Ansprechpartnerin bleibt.`,
      `À ma connaissance, l'autorité de contrôle chef de file pour ${c.controller.legalName} est ${authorityIn(lead, 'fr')} (art. 56 du RGPD). Je vous prie de lui transmettre ce dossier dans le cadre de la procédure de coopération (art. 56 et 60 du RGPD), tout en restant mon interlocutrice.`
    )
  }
}

/** To an authority, what it can do beyond the order: a formal finding, and whether to fine (its choice alone: CJEU C-768/21). */
export function sanctionItems(c: LetterContext): string[] {
  // The CJEU's judgment does not bind the ICO; to it the point stands without the citation.
  if (c.law === 'uk') return [c.t('consider whether to impose a penalty under Art. 83 GDPR; I know that the choice of measure is yours;', 'zu prüfen, ob eine Geldbuße nach Art. 83 DSGVO zu verhängen ist; mir ist bewusst, dass die Wahl der Maßnahme bei Ihnen liegt;', "d'examiner l'opportunité d'une amende au titre de l'art. 83 du RGPD, sachant que le choix de la mesure vous appartient ;")]
  return [
    c.t(
      'consider whether to impose an administrative fine under Art. 83 GDPR; I know that I have no right to a particular measure (CJEU, judgment of 26 September 2024, C-768/21, Land Hessen);',
      'zu prüfen, ob eine Geldbuße nach Art. 83 DSGVO zu verhängen ist; mir ist bewusst, dass ich keinen Anspruch auf eine bestimmte Maßnahme habe (EuGH, Urteil vom 26. September 2024, C-768/21, Land Hessen);',
      "d'examiner l'opportunité d'une amende administrative au titre de l'art. 83 du RGPD, sachant que je n'ai pas droit à une mesure déterminée (CJUE, arrêt du 26 septembre 2024, C-768/21, Land Hessen) ;"
    )
  ]
}

/** Austria: § 24(4) DSG limits when a complaint may be brought; the letter says it is in time. */
export function austrianTimeLimit(c: LetterContext): Block | null {
  if (c.facts.person.country.toLowerCase() !== 'at') return null
  return {
    kind: 'paragraph',
    text: c.t(
      `I learned of the infringement on ${c.date(c.facts.discoveryDate)}; this complaint is brought within one year of that day and within three years of the events (§ 24(4) DSG).`,
      `Von der Rechtsverletzung habe ich am ${c.date(c.facts.discoveryDate)} Kenntnis erlangt; die Beschwerde erfolgt innerhalb eines Jahres ab Kenntnis und innerhalb von drei Jahren ab dem Vorfall (§ 24 Abs. 4 DSG).`,
      `J'ai eu connaissance de la violation le ${c.date(c.facts.discoveryDate)} ; la présente réclamation est introduite dans un délai d'un an à compter de cette date et de trois ans à compter des faits (§ 24, al. 4, DSG autrichienne).`
    )
  }
}
