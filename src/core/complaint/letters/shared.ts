import { shortName } from '../authorities'
import type { Block, KindText, LetterContext } from './model'
import { archiveLine, dateRange, deviceLines, manifestLine, recordings } from './evidence-text'

/** The controller's privacy contact as the address window shows it. */
export function controllerTo(c: LetterContext): KindText['to'] {
  const { controller } = c
  const attn = c.t('Attn: Data Protection Officer', 'z. Hd. Datenschutzbeauftragte/r')
  return { lines: [controller.legalName, attn, ...controller.address], name: controller.legalName, email: controller.email, webform: null }
}

/** How the access request was sent, said to the controller ('you') or about it ('them'). */
export function channelName(c: LetterContext, to: 'you' | 'them' = 'you'): string {
  const you = to === 'you'
  switch (c.facts.channel) {
    case 'webform':
      return you ? c.t("through your website's form", 'über Ihr Webformular') : c.t("through the controller's web form", 'über das Webformular des Verantwortlichen')
    case 'email':
      return c.t('by e-mail', 'per E-Mail')
    case 'letter':
      return c.t('by post', 'per Post')
    case 'app':
      return you ? c.t('in your app', 'in Ihrer App') : c.t("in the controller's app", 'in der App des Verantwortlichen')
  }
}

/** " (your reference X)" when the controller gave one; to an authority, "the controller's reference". */
export function theirReference(c: LetterContext, to: 'you' | 'them' = 'you'): string {
  const r = c.facts.controllerReference.trim()
  if (!r) return ''
  return to === 'you' ? c.t(` (your reference ${r})`, ` (Ihr Zeichen ${r})`) : c.t(` (the controller's reference ${r})`, ` (Zeichen des Verantwortlichen: ${r})`)
}

/**
 * What the export held that is not the person's: counts, dates, devices, the archive's identity and
 * the manifest's hash. Nothing of the recordings' content.
 */
export function evidenceBlocks(c: LetterContext, whose: 'not-mine' | 'mine'): Block[] {
  const e = c.evidence
  const range = dateRange(e, c.lang)
  const n = recordings(e.foreignRecordings, c.lang)
  const lead =
    whose === 'not-mine'
      ? c.t(
          `The export is the file ${archiveLine(e, 'en')}. It contains ${n}${range ? ` ${range}` : ''} that are not mine${e.foreignDevices.length > 0 ? ', recorded on these devices:' : '.'}`,
          `Die Auskunft ist die Datei ${archiveLine(e, 'de')}. Sie enthält ${n}${range ? ` ${range}` : ''}, die nicht von mir stammen${e.foreignDevices.length > 0 ? '; aufgenommen mit diesen Geräten:' : '.'}`
        )
      : c.t(
          `The other customer's export is the file ${archiveLine(e, 'en')}. It contains ${n}${range ? ` ${range}` : ''} that are mine${e.foreignDevices.length > 0 ? ', from these devices:' : '.'}`,
          `Die Auskunft an den anderen Kunden ist die Datei ${archiveLine(e, 'de')}. Sie enthält ${n}${range ? ` ${range}` : ''}, die von mir stammen${e.foreignDevices.length > 0 ? ', von diesen Geräten:' : '.'}`
        )
  const blocks: Block[] = [{ kind: 'paragraph', text: lead }]
  if (e.foreignDevices.length > 0) blocks.push({ kind: 'list', items: deviceLines(e, c.lang), numbered: false })
  blocks.push({
    kind: 'paragraph',
    text: c.t(
      `The evidence manifest lists each of these files with its path in the archive, size, CRC-32 and SHA-256, and why it was flagged. ${manifestLine(e, 'en')}`,
      `Das Beweisverzeichnis führt jede dieser Dateien mit Pfad im Archiv, Größe, CRC-32 und SHA-256 auf und nennt, warum sie auffiel. ${manifestLine(e, 'de')}`
    )
  })
  return blocks
}

/** No copy of the stranger's data goes with the letter; originals only on request, securely. */
export function originalsParagraph(c: LetterContext): Block {
  return {
    kind: 'paragraph',
    text: c.t(
      "I do not enclose the other person's recordings or transcripts. The hashes in the manifest let you match every file against your own records. I keep one sealed copy as evidence and will hand the originals to you or to a supervisory authority over a secure channel if asked.",
      'Die Aufnahmen und Transkripte der anderen Person lege ich nicht bei. Über die Hashwerte im Verzeichnis können Sie jede Datei mit Ihren eigenen Unterlagen abgleichen. Ich verwahre eine versiegelte Kopie als Beweismittel und übergebe die Originale auf Anfrage Ihnen oder einer Aufsichtsbehörde über einen sicheren Kanal.'
    )
  }
}

/** Art. 12(3)–(5): the one-month answer, the extension, reasons for not acting, free of charge. */
export function deadlineParagraph(c: LetterContext): Block {
  const d = c.deadline
  return {
    kind: 'paragraph',
    text: c.t(
      `Please answer without undue delay and in any event within one month of receiving this letter, that is by ${c.date(d.due)} (Art. 12(3) GDPR). You may extend this by two further months only if you tell me so within the first month and give your reasons. If you do not act on my request, you must tell me why within the same month and inform me of my right to complain to a supervisory authority (Art. 12(4) GDPR). Your answer is free of charge (Art. 12(5) GDPR).`,
      `Bitte antworten Sie unverzüglich, spätestens aber innerhalb eines Monats nach Eingang dieses Schreibens, also bis zum ${c.date(d.due)} (Art. 12 Abs. 3 DSGVO). Eine Verlängerung um zwei weitere Monate ist nur möglich, wenn Sie mir dies innerhalb des ersten Monats mit Gründen mitteilen. Werden Sie nicht tätig, müssen Sie mir innerhalb derselben Frist die Gründe nennen und mich auf mein Beschwerderecht bei einer Aufsichtsbehörde hinweisen (Art. 12 Abs. 4 DSGVO). Die Auskunft ist unentgeltlich (Art. 12 Abs. 5 DSGVO).`
    )
  }
}

export function reservationParagraph(c: LetterContext): Block {
  return {
    kind: 'paragraph',
    text: c.t(
      'I reserve the right to lodge a complaint with a supervisory authority (Art. 77 GDPR), to seek a judicial remedy against you (Art. 79 GDPR) and to claim compensation (Art. 82 GDPR).',
      'Ich behalte mir vor, Beschwerde bei einer Aufsichtsbehörde einzulegen (Art. 77 DSGVO), gerichtlich gegen Sie vorzugehen (Art. 79 DSGVO) und Schadensersatz zu verlangen (Art. 82 DSGVO).'
    )
  }
}

/** "Concerns: Amazon Europe Core SARL, Marcel-Breuer-Straße 12, 80807 München" for authority letters. */
export function respondentLine(c: LetterContext): string {
  const { controller } = c
  const where = controller.address.length > 0 ? `, ${controller.address.join(', ')}` : ''
  const service = controller.service ? c.t(`; service: ${controller.service}`, `; Dienst: ${controller.service}`) : ''
  return `${controller.legalName}${where}${service}`
}

export const manifestAttachment = (c: LetterContext) =>
  c.evidence.manifestSha256
    ? c.t(`Evidence manifest (manifest.json, manifest.csv), SHA-256 ${c.evidence.manifestSha256}`, `Beweisverzeichnis (manifest.json, manifest.csv), SHA-256 ${c.evidence.manifestSha256}`)
    : c.t('Evidence manifest (manifest.json, manifest.csv)', 'Beweisverzeichnis (manifest.json, manifest.csv)')

/** To the authority: who leads for this controller, and that the case may be passed on (Art. 56, 60). */
export function leadParagraph(c: LetterContext): Block | null {
  const { complaint, lead } = c.authorities
  if (!lead || lead.slug === complaint.slug) return null
  return {
    kind: 'paragraph',
    text: c.t(
      `As far as I know, the lead supervisory authority for ${c.controller.legalName} is the ${shortName(lead)} (Art. 56 GDPR). Please pass this on to it as the cooperation procedure requires (Art. 56 and 60 GDPR); I would like to deal with you, in ${c.lang === 'en' ? 'English' : 'German'}.`,
      `Federführende Aufsichtsbehörde für ${c.controller.legalName} ist nach meiner Kenntnis die ${shortName(lead)} (Art. 56 DSGVO). Bitte leiten Sie den Vorgang im Verfahren der Zusammenarbeit dorthin weiter, soweit erforderlich (Art. 56 und 60 DSGVO); ich bitte darum, dass Ihre Behörde meine Ansprechpartnerin bleibt.`
    )
  }
}
