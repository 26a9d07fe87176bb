import { describe, expect, it } from 'vitest'
import { createExportView } from '../export-view'
import { memoryArchive } from '../testing/memory-archive'
import { locateAmazonFiles } from './files'

describe('locateAmazonFiles', () => {
  it('counts files named like Amazon data categories in any segment, judged per folder as on the whole path', async () => {
    const paths = [
      'Retail.OrderHistory.1/Retail.OrderHistory.1.csv',
      'Retail.OrderHistory.1/notes.txt',
      'x/Digital.CustomerAttributes.1.csv',
      'x/digital.csv',
      'x/y/Audible.Library.csv',
      'Alexa/Audio/20210701-000001.wav',
      'Alexa/Audio/20210701-000002.wav',
      'Alexa.zip!/Alexa/a.wav',
      'Devices.Registration.zip!/registration.csv',
      'Kindle.Devices/x.txt',
      'kindle/x.txt',
      'PrimeVideo.Watch/ab.csv',
      'retail.orders',
      'top.txt',
      'q/amazonas.txt',
      'q/Amazon.Profile.json',
      'q/appstore./x'
    ]
    const view = createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, paths.map((path) => ({ path, content: 'x' }))))
    const category = /(?:^|\/)(?:retail|digital|devices|audible|kindle|alexa|amazon|appstore|primevideo)\.[a-z]/
    const want = view.entries.filter((e) => category.test(e.norm)).length
    expect(want).toBe(11)
    expect(locateAmazonFiles(view).categoryFiles).toBe(want)
  })
})
