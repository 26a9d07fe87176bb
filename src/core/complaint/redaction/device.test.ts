import { describe, expect, it } from 'vitest'
import { redactDeviceName } from '../redact'

// The account's names, as the manifest passes them.
const ACCOUNT = ['Anna Berger']

describe('device names in the manifest', () => {
  it.each([
    ["Jana's Echo Dot", "[name]'s Echo Dot"],
    ["Thomas's 2nd Echo Dot", "[name]'s 2nd Echo Dot"],
    ["Falk's Fire TV Stick", "[name]'s Fire TV Stick"],
    ["Mohammed' Echo Studio", "[name]' Echo Studio"],
    ['Janas Echo Dot', '[name] Echo Dot'],
    ['Echo Dot von Jana', 'Echo Dot von [name]'],
    ['Echo Dot von Jana Kowalczykowa', 'Echo Dot von [name] [name]'],
    ["Anna's Echo Show", "[name]'s Echo Show"],
    ['Berger Echo Pop', '[name] Echo Pop'],
    ["Sabine's Alexa on iPhone", "[name]'s Alexa on iPhone"],
    ['Echo Dot 0171 2345678', 'Echo Dot [phone]']
  ])('takes the person out of %j, keeps the model: %j', (name, expected) => {
    expect(redactDeviceName(name, ACCOUNT)).toBe(expected)
  })

  it.each(['Echo Dot', 'Echo Küche', 'Echo Wohnzimmer', 'Kinderzimmer', 'Living Room Echo Dot', 'Echo Flex Flur', 'Echo (3rd Gen)', "the kids' Echo", 'Fire TV Stick 4K', "Kitchen;=cmd|'/c calc'!A1"])(
    'keeps %j as it is: no person in it',
    (name) => {
      expect(redactDeviceName(name, ACCOUNT)).toBe(name)
    }
  )
})
