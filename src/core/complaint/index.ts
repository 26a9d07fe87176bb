/**
 * The complaint engine (issue 9) apart from the evidence bundle (./bundle): where to complain,
 * the deadline and its calendar file, the five letters as text and PDF, and the web-form panels.
 */
export { authority, DIRECTORY_SNAPSHOT, GERMAN_REGIONS, germanRegion, shortName, type Authority, type AuthorityRecord } from './authorities'
export { controllerOf, CONTROLLER_KEYS, type Controller } from './controllers'
export { addMonths, deadlineFor, longDate, nextWorkingDay, type Day, type Deadline } from './deadlines'
export { deadlineIcs, type IcsOptions } from './ics'
export { complaintLetters, letterFileName, type LetterFile } from './letters-adapter'
export type { Block, LetterBlocks, RenderedLetter, RenderOptions } from './letters/model'
export { renderLetter } from './letters/render'
export { formPanels, FORMS, PANEL_AUTHORITIES } from './panels'
export { letterPdf } from './pdf'
export { NoAuthorityError, pickAuthorities, type AuthorityChoice } from './pick'
export { caseReference } from './reference'
