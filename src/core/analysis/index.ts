export { analyze, type AnalysisMarks } from './analyze'
export type { Analysis, RecordingVerdict, Rule } from './types'
export { RULES } from './rules'
export { sameVerdicts, verdictOf } from './verdicts'
