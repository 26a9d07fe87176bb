import type { Device, Recording } from '../../../../shared/model/recording'

let n = 0

/** A recording for the review's tests: an Alexa row with no audio or words unless given; ids r1, r2 … in order made. */
export function testRecording(deviceId: string | null, time: string | null, more: Partial<Recording> = {}): Recording {
  const k = ++n
  return {
    id: `r${k}`,
    provider: 'amazon-alexa',
    time,
    archiveTime: null,
    deviceId,
    accountId: null,
    audio: null,
    durationMs: 1000,
    transcript: null,
    response: null,
    language: null,
    signals: [],
    source: { file: 'x.csv', part: null, line: k, fields: {} },
    ...more
  }
}

/** A device for the review's tests, registered or not. */
export const testDevice = (id: string, registered: boolean, more: Partial<Device> = {}): Device => ({
  id,
  provider: 'amazon-alexa',
  name: id,
  serial: `S-${id}`,
  type: 'ECHO',
  registered,
  registeredAt: null,
  deregisteredAt: null,
  firstSeen: null,
  lastSeen: null,
  recordings: 0,
  ...more
})
