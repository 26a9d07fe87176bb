/**
 * The names alone, free of zod, so the sandboxed preload can bundle them without pulling a library
 * it may not require. contract.test.ts checks these lists equal the contract's and the events' keys.
 */
export const CALL_NAMES = ['appInfo', 'chooseArchive', 'openArchive', 'openSample', 'cancelJob', 'listEntries', 'listRecordings', 'recordingDetail', 'saveColumnMapping', 'closeArchive', 'reviewState', 'mark', 'markDevice', 'setNote', 'undo', 'redo', 'complaintFacts', 'saveComplaintFacts', 'complaintPreview', 'saveComplaint', 'saveBundle', 'saveReminder', 'keepSealed', 'deleteArchive', 'recordingAudio', 'audioDurations', 'setAudioPriorities', 'rowWaveforms', 'storeRendererPeaks'] as const
export const EVENT_NAMES = ['archive.progress', 'archive.hashed', 'app.command', 'complaint.progress', 'audio.progress', 'audio.peaks'] as const

export const CALL_CHANNEL_PREFIX = 'exportscope:call:'
export const EVENT_CHANNEL = 'exportscope:event'
