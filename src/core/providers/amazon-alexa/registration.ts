import type { ViewEntry, ExportView } from '../export-view'
import type { ProviderItem } from '../types'
import { cellAt, resolveColumns } from '../csv/columns'
import { readCsv } from '../csv/read-csv'
import { ProblemLog } from '../problem-log'
import { toUtcIso } from '../time'
import aliases from './aliases.json'
import { AMAZON, deviceKey } from './keys'

export interface RegistrationResult {
  serials: Set<string>
}

/** registration.csv: the devices registered to the account. A serial listed here is the account's. */
export async function* readRegistration(view: ExportView, file: ViewEntry, into: RegistrationResult, signal?: AbortSignal): AsyncGenerator<ProviderItem> {
  const log = new ProblemLog(AMAZON, file.path)
  let cols: ReturnType<typeof resolveColumns<keyof typeof aliases.registrationColumns>> = {}
  for await (const ev of readCsv(await view.open(file), signal)) {
    if (ev.type === 'error') log.add('malformed-csv', ev.message, ev.line)
    else if (ev.type === 'header') {
      cols = resolveColumns(ev.header, aliases.registrationColumns)
      if (cols.serial === undefined) log.add('unknown-header', `no device serial column among: ${ev.header.join(', ')}`, 1)
    } else {
      const serial = cellAt(ev.cells, cols.serial)
      // AccountName is the device's name as the account shows it ("Jana's Kindle"), never the
      // account holder's: Amazon names devices after people, so it is not read as an owner.
      if (!serial) continue
      into.serials.add(serial)
      const timeOf = (i: number | undefined): string | null => {
        const raw = cellAt(ev.cells, i)
        if (!raw) return null
        const t = toUtcIso(raw)
        if (!t) log.add('bad-time', `cannot read the time "${raw}"`, ev.line)
        return t
      }
      yield {
        type: 'device',
        device: {
          key: deviceKey(serial, null)!,
          serial,
          name: cellAt(ev.cells, cols.name),
          type: cellAt(ev.cells, cols.family) ?? cellAt(ev.cells, cols.type),
          registered: true,
          registeredAt: timeOf(cols.registered),
          deregisteredAt: timeOf(cols.deregistered)
        }
      }
    }
  }
  for (const p of log.drain()) yield { type: 'problem', problem: p }
}
