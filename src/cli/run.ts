import { appVersion } from '../core/version'
import { parseArgs } from './args'
import { helpText } from './help'
import { EXIT_BUG, EXIT_CANNOT_OPEN, EXIT_OK, type CliIo } from './io'
import { scan } from './scan'
import { bundle } from './bundle'
import { verify } from './verify'
import { report } from './report'

/** The whole command line as a function: index.ts passes the process's streams, tests pass collectors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv)
    switch (command.kind) {
      case 'help':
        io.stdout.write(helpText(appVersion))
        return EXIT_OK
      case 'version':
        io.stdout.write(`${appVersion}\n`)
        return EXIT_OK
      case 'usage-error':
        io.stderr.write(`exportscope: ${command.message} Run "exportscope --help" for usage.\n`)
        return EXIT_CANNOT_OPEN
      case 'scan':
        return await scan(command, io)
      case 'bundle':
        return await bundle(command, io)
      case 'verify':
        return await verify(command, io)
      case 'report':
        return await report(command, io)
    }
  } catch (err) {
    // Anything that reaches here is our bug, not the user's input: keep the stack for the report.
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
    io.stderr.write(`exportscope: internal error; please report it with the lines below.\n${detail}\n`)
    return EXIT_BUG
  }
}
