import type { Account } from '../../../shared/model/recording'
import type { ExportView, ViewEntry } from '../export-view'
import type { ProviderItem } from '../types'
import { cellAt, resolveColumns } from '../csv/columns'
import { readCsv } from '../csv/read-csv'
import { ProblemLog } from '../problem-log'
import { onceInto } from '../unique-list'
import aliases from './aliases.json'
import { AMAZON } from './keys'

/** Digital.CustomerAttributes: the customer id(s) the export was made for. */
export async function* readCustomerAttributes(view: ExportView, file: ViewEntry, account: Account, signal?: AbortSignal): AsyncGenerator<ProviderItem> {
  const log = new ProblemLog(AMAZON, file.path)
  let cols: ReturnType<typeof resolveColumns<keyof typeof aliases.customerAttributeColumns>> = {}
  const [addId, addName, addEmail] = [onceInto(account.ids), onceInto(account.names), onceInto(account.emails)]
  for await (const ev of readCsv(await view.open(file), signal)) {
    if (ev.type === 'error') log.add('malformed-csv', ev.message, ev.line)
    else if (ev.type === 'header') {
      cols = resolveColumns(ev.header, aliases.customerAttributeColumns)
      if (cols.id === undefined) log.add('unknown-header', `no customer id column among: ${ev.header.join(', ')}`, 1)
    } else {
      addId(cellAt(ev.cells, cols.id))
      addName(cellAt(ev.cells, cols.name))
      addEmail(cellAt(ev.cells, cols.email))
    }
  }
  for (const p of log.drain()) yield { type: 'problem', problem: p }
}
