export { analyze, type AnalysisMarks } from './analyze'
export type { Analysis, RecordingVerdict, Rule } from './types'
export { RULES } from './rules'
export { verdictOf } from './verdicts'
