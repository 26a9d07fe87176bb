/**
 * How the letters name an authority in running text, declined, rather than glued onto a preposition:
 * "Beschwerde beim Bayerischen Landesamt für Datenschutzaufsicht", "bei der Berliner Beauftragten …".
 *
 * `gender` is grammatical. For an office named after the person who holds it (der/die
 * Landesbeauftragte) it follows the holder, as the directory record writes it; `holder: true` marks
 * those, so the entry is checked again when the office changes hands. `checked` is the day the
 * entry was compared with the record of the datenanfragen/data snapshot (authorities.ts).
 */
export interface DeclinedName {
  gender: 'm' | 'f' | 'n'
  holder: boolean
  /** Nominative with article: "das Bayerische Landesamt für Datenschutzaufsicht (BayLDA)". */
  nom: string
  /** Dative with article: "dem Bayerischen Landesamt für Datenschutzaufsicht (BayLDA)". */
  dat: string
  checked: string
}

const C = '2026-12-06'
const office = (gender: 'm' | 'f', nom: string, dat: string): DeclinedName => ({ gender, holder: true, nom, dat, checked: C })
const body = (gender: 'm' | 'f' | 'n', nom: string, dat: string): DeclinedName => ({ gender, holder: false, nom, dat, checked: C })

export const GERMAN_AUTHORITY_NAMES: Readonly<Record<string, DeclinedName>> = {
  debaylda: body('n', 'das Bayerische Landesamt für Datenschutzaufsicht (BayLDA)', 'dem Bayerischen Landesamt für Datenschutzaufsicht (BayLDA)'),
  debayldb: office('m', 'der Bayerische Landesbeauftragte für den Datenschutz', 'dem Bayerischen Landesbeauftragten für den Datenschutz'),
  debawueldb: office('m', 'der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg', 'dem Landesbeauftragten für den Datenschutz und die Informationsfreiheit Baden-Württemberg'),
  deberlbdi: office('f', 'die Berliner Beauftragte für Datenschutz und Informationsfreiheit', 'der Berliner Beauftragten für Datenschutz und Informationsfreiheit'),
  debfdi: office('f', 'die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)', 'der Bundesbeauftragten für den Datenschutz und die Informationsfreiheit (BfDI)'),
  debralda: office('f', 'die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg', 'der Landesbeauftragten für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg'),
  debrelfdi: office('f', 'die Landesbeauftragte für Datenschutz und Informationsfreiheit Bremen', 'der Landesbeauftragten für Datenschutz und Informationsfreiheit Bremen'),
  dehessbdi: office('m', 'der Hessische Beauftragte für Datenschutz und Informationsfreiheit', 'dem Hessischen Beauftragten für Datenschutz und Informationsfreiheit'),
  dehmbbfdi: office('m', 'der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit', 'dem Hamburgischen Beauftragten für Datenschutz und Informationsfreiheit'),
  demvldi: office('m', 'der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern', 'dem Landesbeauftragten für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern'),
  dendslfd: office('m', 'der Landesbeauftragte für den Datenschutz Niedersachsen', 'dem Landesbeauftragten für den Datenschutz Niedersachsen'),
  denrwldi: office('f', 'die Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen', 'der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen'),
  derlpbdi: office('m', 'der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz', 'dem Landesbeauftragten für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz'),
  desaarudz: body('n', 'das Unabhängige Datenschutzzentrum Saarland', 'dem Unabhängigen Datenschutzzentrum Saarland'),
  desaechsdsb: office('f', 'die Sächsische Datenschutz- und Transparenzbeauftragte', 'der Sächsischen Datenschutz- und Transparenzbeauftragten'),
  desalbd: office('m', 'der Landesbeauftragte für den Datenschutz Sachsen-Anhalt', 'dem Landesbeauftragten für den Datenschutz Sachsen-Anhalt'),
  deshuld: body('n', 'das Unabhängige Landeszentrum für Datenschutz Schleswig-Holstein (ULD)', 'dem Unabhängigen Landeszentrum für Datenschutz Schleswig-Holstein (ULD)'),
  detlfdi: office('m', 'der Thüringer Landesbeauftragte für den Datenschutz und die Informationsfreiheit', 'dem Thüringer Landesbeauftragten für den Datenschutz und die Informationsfreiheit'),
  atdsb: body('f', 'die Österreichische Datenschutzbehörde', 'der Österreichischen Datenschutzbehörde'),
  lucnpd: body('f', 'die Nationale Kommission für den Datenschutz Luxemburgs (CNPD)', 'der Nationalen Kommission für den Datenschutz Luxemburgs (CNPD)'),
  iedpc: body('f', 'die irische Datenschutzkommission (Data Protection Commission, DPC)', 'der irischen Datenschutzkommission (Data Protection Commission, DPC)'),
  frcnil: body('f', 'die französische Datenschutzbehörde CNIL', 'der französischen Datenschutzbehörde CNIL'),
  gbico: body('n', "das britische Information Commissioner's Office (ICO)", "dem britischen Information Commissioner's Office (ICO)")
}

/**
 * The name an address block prints, where the directory's record adds a translation in brackets
 * ("… – CNIL (French National Commission on Informatics and Liberty)"): the official name alone.
 */
export const OFFICIAL_NAMES: Readonly<Record<string, string>> = {
  frcnil: "Commission nationale de l'informatique et des libertés (CNIL)",
  lucnpd: 'Commission nationale pour la protection des données (CNPD)'
}

/** French names with their article, for the authorities a French letter names. */
export const FRENCH_AUTHORITY_NAMES: Readonly<Record<string, { nom: string; checked: string }>> = {
  frcnil: { nom: "la Commission nationale de l'informatique et des libertés (CNIL)", checked: C },
  lucnpd: { nom: 'la Commission nationale pour la protection des données (CNPD) du Luxembourg', checked: C },
  iedpc: { nom: "la Data Protection Commission (DPC) d'Irlande", checked: C },
  gbico: { nom: "l'Information Commissioner's Office (ICO) du Royaume-Uni", checked: C }
}
