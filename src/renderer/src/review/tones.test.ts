import { describe, expect, it } from 'vitest'
import type { Device } from '../../../shared/model/recording'
import { isUnregistered, registrationOf, toneOf } from './tones'

const device = (registered: boolean, registrationKnown?: boolean): Device => ({
  id: 'd1',
  provider: 'amazon-alexa',
  name: 'Echo',
  serial: 'G0900000000001',
  type: null,
  registered,
  ...(registrationKnown === undefined ? {} : { registrationKnown }),
  registeredAt: null,
  deregisteredAt: null,
  recordings: 3,
  firstSeen: null,
  lastSeen: null
})

describe('registration as the export states it', () => {
  it('tells "not listed" from "the export lists no registrations"', () => {
    expect(registrationOf(device(true))).toBe('registered')
    expect(registrationOf(device(false))).toBe('unregistered')
    expect(registrationOf(device(false, false))).toBe('unstated')
    expect(registrationOf(null)).toBe('unknown')
  })
  it('never counts an unstated registration as evidence', () => {
    expect(isUnregistered(device(false))).toBe(true)
    expect(isUnregistered(device(false, false))).toBe(false)
    expect(toneOf(device(false, false))).toBe('unknown')
    expect(toneOf(device(false))).toBe('unregistered')
  })
  it('lets the mark win, then the verdict', () => {
    expect(toneOf(device(false), 'own', 'not-mine')).toBe('foreign')
    expect(toneOf(device(false, false), 'suspect')).toBe('suspect')
  })
})
