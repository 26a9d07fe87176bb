/**
 * The evidence bundle (issues 9, 16): a manifest of the flagged entries with their hashes, written into a
 * ZIP with the custody log, redacted excerpts, a README on how to verify it, the root SHA256SUMS over
 * all of those, and the letters that print the root's SHA-256; the
 * check of a bundle against itself and the export; and the retention step (keep sealed, delete, log).
 */
export { buildManifest, evidenceSummary, manifestJson, type BuiltManifest, type ManifestInput, type ManifestProgress } from './manifest'
export { flaggedRecordings, type Flagged, type VerdictOf } from './flagged'
export { ManifestSchema, MANIFEST_SCHEMA, type Manifest, type ManifestEntry, type ManifestSource } from './manifest-schema'
export { writeBundle, type BundleProgress, type WriteBundleInput, type WrittenBundle } from './write'
export { verifyBundle, READ_LIMITS, type Difference, type DifferenceKind, type VerifyOptions, type VerifyResult } from './verify'
export { evidenceOfBundle } from './evidence'
export { ROOT_FILE, LETTERS_FOLDER } from './names'
export { excerptsText, DEFAULT_EXCERPTS, EXCERPTS_CLAIM } from './excerpts'
export { caseFileLogger, deleteArchive, recordRetentionReminder, RETENTION_ADVICE, type CustodyLogger, type DeleteOptions, type DeletedArchive } from './retention'
export { redact, MARKERS, type RedactionKind, type RedactOptions } from '../redact'
