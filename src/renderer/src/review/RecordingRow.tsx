import { memo } from 'react'
import type { RecordingSummary } from '../../../shared/model/export'
import type { Lane } from './catalog'
import type { RowReviewText, RowText } from './row-text'
import type { LengthShown } from './length'
import { formatDateTime, formatUtc } from './time'
import { TONES } from './tones'
import { RowWave } from './RowWave'
import type { RowWaveShape } from './row-wave-shape'

export interface RecordingRowProps {
  /** The recording's index in the catalog (the row's DOM id) and its place in the list. */
  index: number
  rowIndex: number
  /** Offset from the top of the list body, px. */
  top: number
  height: number
  recording: RecordingSummary
  time: number
  lane: Lane
  tone: number
  /** The Length cell: a length, or why there is none yet (primitives, so a row in view is not rendered again as the list moves). */
  lengthText: string
  lengthState: LengthShown['state']
  /** The row's small waveform, null while not made, undefined without audio. */
  wave: RowWaveShape | null | undefined
  /** What the row says of its review; null before the review has loaded. Nothing shows for an unflagged, unmarked row. */
  review: RowReviewText | null
  selected: boolean
  picked: boolean
  lang: string
  text: RowText
}

/**
 * One row of the recording list. Every prop is a primitive or an object that stays the same while
 * the list scrolls (the catalog's lane, the cached review text, the row's wave), so a row that stays
 * in view is not rendered again when the list moves; no hooks, so mounting one costs only its DOM.
 * Clicks are handled once by the list (event delegation), not by a handler per row.
 */
export const RecordingRow = memo(function RecordingRow(p: RecordingRowProps) {
  const { recording: r, lane, review } = p
  return (
    <div
      id={`rec-${p.index}`}
      role="row"
      aria-rowindex={p.rowIndex + 2}
      aria-selected={p.selected || p.picked}
      className={`rec-row tone-${TONES[p.tone]}${p.selected ? ' selected' : ''}${p.picked ? ' picked' : ''}`}
      style={{ transform: `translateY(${p.top}px)`, height: p.height }}
      data-testid="recording-row"
      data-id={r.id}
      data-device={lane.key}
    >
      <div role="gridcell" className="c-time" title={formatUtc(p.time)}>
        {formatDateTime(p.time, p.lang)}
      </div>
      <div role="gridcell" className="c-device" title={lane.label ?? undefined}>
        <span className="tone-dot" aria-hidden="true" />
        {lane.label ?? p.text.noDevice}
      </div>
      <div role="gridcell" className={`c-dur${p.lengthState === 'known' ? '' : ' muted'}`} title={p.lengthState === 'pending' ? p.text.lengthPending : p.lengthState === 'none' ? p.text.noAudio : undefined} data-length={p.lengthState}>
        {p.lengthText}
      </div>
      <div role="gridcell" className="c-wave">
        {p.wave === undefined ? null : <RowWave shape={p.wave} />}
      </div>
      <div role="gridcell" className="c-text" title={r.transcript ?? undefined}>
        {r.transcript ?? <span className="muted">{p.text.noTranscript}</span>}
      </div>
      <div role="gridcell" className="c-reasons">
        {review && (review.markLabel || review.verdictLabel) && <RowReview review={review} />}
      </div>
    </div>
  )
})

/** A list row's review in a few words: the person's mark (with the detector's verdict beside it), else the reasons. */
function RowReview({ review: v }: { review: RowReviewText }) {
  return (
    <span className="row-review" data-testid="row-review" data-mark={v.mark ?? ''} data-verdict={v.verdict} title={v.title || undefined}>
      {v.markLabel ? (
        <>
          <strong className="row-mark">{v.markLabel}</strong>
          {v.detector && <span className="muted"> {v.detector}</span>}
        </>
      ) : v.verdictLabel ? (
        <>
          <span className="row-verdict">{v.verdictLabel}</span>
          {v.reasons && <span className="muted">: {v.reasons}</span>}
        </>
      ) : null}
    </span>
  )
}
