import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tableBytes } from './eld-binary'
import { eldFolder, parseNgramTable, TABLE_BINARY, TABLE_FILE, tableSource } from './eld-table'

/**
 * A build step (electron.vite.config.ts, the main build): writes eld's table in its binary form
 * (eld-binary.ts) beside the built engine, so the CLI and the app read it in ~1 ms instead of
 * parsing eld's text every process. Without it (tests, `tsx`) the text is read as before.
 */
export function eldTablePlugin(nodeModules: string) {
  return {
    name: 'exportscope-eld-table',
    generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: Uint8Array }): string }) {
      const folder = eldFolder([nodeModules])
      const table = parseNgramTable(readFileSync(join(folder, TABLE_FILE), 'utf8'))
      this.emitFile({ type: 'asset', fileName: TABLE_BINARY, source: tableBytes(table, tableSource(folder)) })
    }
  }
}
