import { toCsv, type CsvStyle } from './csv'
import type { Plan } from './plan'
import type { GenNode } from './tree'

const README = `This is a SYNTHETIC export made by Exportscope's generator for tests and demonstrations.
Every person, device, order and recording in it is invented; the voices are synthesised.
It follows the layout of Amazon's "Request your data" answer as far as it is public (see formats.md).
`

// A Fire TV registered to the account that never recorded anything: registered devices are not only those with audio.
const QUIET_DEVICE = { serial: 'G070VM1234ABCD56', type: 'A2GFL5ZMWNE0PX', family: 'FIRE_TV' }

/** What surrounds the voice data: the account's own files, the registered devices, the customer. */
export function amazonAccountFiles(plan: Plan, missing: ReadonlyArray<string>, style: CsvStyle): GenNode[] {
  const owner = plan.owner
  const nodes: GenNode[] = [
    { path: 'README.txt', content: README },
    {
      path: 'Retail.OrderHistory.1/Retail.OrderHistory.1.csv',
      content: toCsv(
        [
          ['Website', 'Order ID', 'Order Date', 'Product Name', 'Total Owed'],
          ['Amazon.de', '302-1234567-1234567', '2023-01-12T09:14:02Z', 'Kaffeebohnen, 1 kg', '14.99'],
          ['Amazon.de', '302-7654321-7654321', '2023-01-28T17:40:45Z', 'Buch: Die Elbe', '22.00']
        ],
        style
      )
    },
    { path: `Location/Country of Residence-1.csv`, content: toCsv([['Country'], ['DE']], style) }
  ]
  if (!missing.includes('attributes')) {
    nodes.push({ path: 'Digital.CustomerAttributes.1.csv', content: toCsv([['CustomerId', 'Marketplace', 'PreferredLanguage'], [owner.customerId, 'amazon.de', 'de_DE']], style) })
  }
  const registered = plan.devices.filter((d) => d.registered)
  if (!missing.includes('registration')) {
    const rows = [['AccountName', 'DeviceSerialNumber', 'DeviceType', 'DeviceFamily', 'FirstTimeRegistered', 'LastDeregistered', 'Customer modified date on device']]
    // AccountName is the device's name as the account shows it (formats.md), never the holder's full name.
    for (const d of registered) rows.push([d.name, d.serial, d.type, d.family, d.registeredAt ?? '', '', ''])
    // The seed case: the account has no device at all, and the export says so with a header and no rows.
    if (registered.length > 0 || !plan.reasons.includes('seed')) rows.push([`${owner.firstName}'s Fire TV`, QUIET_DEVICE.serial, QUIET_DEVICE.type, QUIET_DEVICE.family, '2022-06-01T10:00:00Z', '', ''])
    nodes.push({ path: 'Devices.Registration.zip', zip: [{ path: 'registration.csv', content: toCsv(rows, style) }] })
  }
  return nodes
}

export const QUIET_DEVICE_SERIAL = QUIET_DEVICE.serial

/** What re-zipping on a Mac adds: AppleDouble '._' twins (not audio) and .DS_Store files. */
export function macDebris(audio: ReadonlyArray<{ path: string }>): GenNode[] {
  const appleDouble = Buffer.alloc(82)
  appleDouble.writeUInt32BE(0x00051607, 0)
  appleDouble.writeUInt32BE(0x00020000, 4)
  return [
    { path: '.DS_Store', content: Buffer.from('Bud1\u0000\u0000\u0010\u0000', 'latin1') },
    ...audio.map((a) => {
      const cut = a.path.lastIndexOf('/')
      return { path: `__MACOSX/${a.path.slice(0, cut + 1)}._${a.path.slice(cut + 1)}`, content: appleDouble }
    })
  ]
}
