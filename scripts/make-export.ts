import { parseArgs } from 'node:util'
import { generateExport, KINDS_BY_PROVIDER, PLANTED_KINDS, type PlantedKind } from '../src/core/generate'
import { espeakAvailable } from '../src/core/generate/espeak'

const USAGE = `usage: npm run make-export -- --provider amazon|google --own N --foreign M --kind KIND --out PATH.zip
       [--seed S] [--layout 2018|current] [--speech synth|espeak] [--locale en|de] [--parts N] [--personal-data]
kinds: ${PLANTED_KINDS.join(', ')}
  amazon: ${KINDS_BY_PROVIDER.amazon.join(', ')}
  google: ${KINDS_BY_PROVIDER.google.join(', ')}
--personal-data  the stranger's transcripts are full of made-up personal data (IBANs, card numbers,
                 phone numbers, e-mail, streets, postcodes, dates of birth, names after titles and
                 calls, half of them lowercase): to read what a bundle's redaction leaves.
Writes the export and PATH.zip.truth.json (which recordings are foreign, and why).`

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`)
  process.exit(2)
}

const count = (v: string | undefined, name: string, fallback: number): number => {
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) fail(`--${name} takes a whole number, not "${v}"`)
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string' },
      own: { type: 'string' },
      foreign: { type: 'string' },
      kind: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      layout: { type: 'string' },
      speech: { type: 'string' },
      locale: { type: 'string' },
      parts: { type: 'string' },
      'personal-data': { type: 'boolean' },
      help: { type: 'boolean' }
    }
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const provider = values.provider
  if (provider !== 'amazon' && provider !== 'google') fail('--provider must be amazon or google')
  const kind = (values.kind ?? 'none') as PlantedKind
  if (!PLANTED_KINDS.includes(kind)) fail(`unknown --kind "${values.kind}"`)
  if (!values.out) fail('--out is required')
  if (values.layout !== undefined && values.layout !== '2018' && values.layout !== 'current') fail('--layout must be 2018 or current')
  if (values.speech !== undefined && values.speech !== 'synth' && values.speech !== 'espeak') fail('--speech must be synth or espeak')
  if (values.speech === 'espeak' && !espeakAvailable()) fail('--speech espeak needs espeak-ng, which is not installed here')
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'de') fail('--locale must be en or de')
  const started = Date.now()
  const result = await generateExport(
    {
      provider,
      own: count(values.own, 'own', 10),
      foreign: count(values.foreign, 'foreign', 5),
      kind,
      seed: values.seed ?? '1',
      layout: values.layout as '2018' | 'current' | undefined,
      clips: { speech: (values.speech ?? 'synth') as 'synth' | 'espeak' },
      personalData: values['personal-data'] ?? false,
      google: { locale: (values.locale ?? 'en') as 'en' | 'de', parts: count(values.parts, 'parts', 1) || 1 }
    },
    values.out
  )
  const c = result.truth.counts
  process.stdout.write(
    `${result.paths.join('\n')}\n${result.truthPath}\n${c.recordings} recordings (${c.foreign} foreign), ${c.devices} devices (${c.registeredDevices} registered) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
