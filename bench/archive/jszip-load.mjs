// The baseline the issue names: what a reader that loads the whole file (jszip) costs.
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'

const zip = await JSZip.loadAsync(await readFile(process.argv[2]))
process.stdout.write(`${Object.keys(zip.files).length}\n`)
