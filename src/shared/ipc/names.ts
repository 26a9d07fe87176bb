/**
 * The names alone, free of zod, so the sandboxed preload can bundle them without pulling a library
 * it may not require. contract.test.ts checks these lists equal the contract's and the events' keys.
 */
export const CALL_NAMES = ['appInfo', 'chooseArchive', 'openArchive', 'openSample', 'cancelJob', 'listEntries', 'listRecordings', 'recordingDetail', 'saveColumnMapping', 'closeArchive', 'reviewState', 'mark', 'markDevice', 'voices', 'markVoice', 'setNote', 'undo', 'redo', 'complaintFacts', 'saveComplaintFacts', 'complaintPreview', 'saveComplaint', 'saveBundle', 'saveReminder', 'keepSealed', 'deleteArchive', 'recordingAudio', 'audioDurations', 'setAudioPriorities', 'rowWaveforms', 'storeRendererPeaks'] as const
export const EVENT_NAMES = ['archive.progress', 'archive.hashed', 'review.verdicts', 'app.command', 'complaint.progress', 'audio.progress', 'audio.peaks', 'audio.durations', 'voices.changed'] as const

export const CALL_CHANNEL_PREFIX = 'exportscope:call:'
/** Not a contract call: the preload's own channel that turns a dropped file into an open token (see tokenForFile). */
export const DROP_CHANNEL = 'exportscope:drop'
export const EVENT_CHANNEL = 'exportscope:event'

/** true only when two unions of names hold the same members: a missing or extra name fails to compile. */
export type SameNames<A extends string, B extends string> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
