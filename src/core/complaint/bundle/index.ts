/**
 * The evidence bundle (issue 9): a manifest of the flagged entries with their hashes, written into a
 * ZIP with the custody log, redacted excerpts, the letters and a README on how to verify it; the
 * check of a bundle against itself and the export; and the retention step (keep sealed, delete, log).
 */
export { buildManifest, evidenceSummary, manifestJson, type BuiltManifest, type ManifestInput, type ManifestProgress } from './manifest'
export { flaggedRecordings, type Flagged, type VerdictOf } from './flagged'
export { ManifestSchema, MANIFEST_SCHEMA, type Manifest, type ManifestEntry, type ManifestSource } from './manifest-schema'
export { writeBundle, type BundleProgress, type WriteBundleInput, type WrittenBundle } from './write'
export { verifyBundle, type Difference, type DifferenceKind, type VerifyOptions, type VerifyResult } from './verify'
export { excerptsText, DEFAULT_EXCERPTS } from './excerpts'
export { caseFileLogger, deleteArchive, recordRetentionReminder, RETENTION_ADVICE, type CustodyLogger, type DeleteOptions, type DeletedArchive } from './retention'
export { redact, MARKERS, type RedactionKind, type RedactOptions } from '../redact'
