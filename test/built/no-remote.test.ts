import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The built app names no remote address it could reach: every http(s)/ws(s)/ftp URL in out/ (the
 * renderer, main, preload) must be one of the strings below, each with the reason it is never
 * requested. A CDN font, an analytics snippet, an update URL or a remote script fails this test.
 */
const OUT = process.env.EXPORTSCOPE_RENDERER_DIR ? dirname(resolve(process.env.EXPORTSCOPE_RENDERER_DIR)) : resolve(__dirname, '../../out')

export const HARMLESS: Array<{ match: RegExp; why: string }> = [
  { match: /^http:\/\/www\.w3\.org\/(1999\/xhtml|1999\/xlink|2000\/svg|2000\/xmlns\/?|XML\/1998\/namespace|1998\/Math\/MathML)$/, why: 'XML namespace names (React DOM, SVG): identifiers, never fetched' },
  { match: /^https?:\/\/json-schema\.org\/draft[-\d/]+schema#?$/, why: "zod's JSON Schema $schema identifiers" },
  { match: /^https:\/\/react\.dev\/errors\//, why: "the link in React's minified error messages: text shown, never requested" },
  { match: /^https:\/\/react\.i18next\.com\//, why: "react-i18next's console warning text" },
  { match: /^https:\/\/github\.com\/paralleldrive\/cuid/, why: "zod's cuid format documentation link in its source comments" },
  { match: /^https:\/\/exa$/, why: 'a comment in zod about URL parsing ("https://exa\\nmple.com")' },
  { match: /^https:\/\/www\.google\.com\/(search|maps)/, why: "the sample export's generator writes Takeout's own titleUrl fields into synthetic data; the app never opens them" },
  { match: /^https:\/\/support\.google\.com\/maps\/answer\//, why: 'the same synthetic Takeout data (a location note)' },
  { match: /^http:\/\/www\.mp3dev\.org\/?$/, why: "lamejs's version string, inside the MP3 encoder the generator uses" },
  { match: /^https:\/\/www\.apache\.org\/licenses\/LICENSE-2\.0$/, why: "the licence line eld's subset saver writes into a file it offers for download; bundled with eld's detector, never called, never requested" }
]

// A host begins with a letter, a digit or a template's `${`; `https?://[` in a regex is no address.
/**
 * The directory of supervisory authorities and companies (datenanfragen, CC0) and the authorities'
 * complaint forms: addresses the app shows the person, to copy or open in their own browser. The
 * app never requests them (no shell.openExternal; navigation and new windows are refused), so every
 * URL that comes from these sources is text, not a request.
 */
const DIRECTORY_SOURCES = ['src/core/complaint/data', 'src/core/complaint/panels.ts'].map((p) => resolve(__dirname, '../..', p))

const URL_IN_TEXT = /\b(?:https?|wss?|ftp):\/\/(?:[a-zA-Z0-9]|\$\{)[^\s"'`<>()\\,;]*/g

const urlsIn = (text: string): string[] => [...text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(/[.:]+$/, ''))

function filesUnder(dir: string, ext = /\.(m?js|cjs|css|html)$/): string[] {
  if (!existsSync(dir)) return []
  if (statSync(dir).isFile()) return [dir]
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : []
  })
}

const directoryUrls = new Set(DIRECTORY_SOURCES.flatMap((d) => filesUnder(d, /\.(json|ts)$/)).flatMap((f) => urlsIn(readFileSync(f, 'utf8'))))

/** The URLs in a text that no harmless entry explains. */
export function unexplainedUrls(text: string): string[] {
  return urlsIn(text).filter((url) => !directoryUrls.has(url) && !HARMLESS.some((h) => h.match.test(url)))
}

describe('the built app reaches for no remote host', () => {
  it('the classifier catches remote URLs and lets the known strings pass', () => {
    expect(unexplainedUrls('@import url("https://fonts.googleapis.com/css2?family=Inter");')).toEqual(['https://fonts.googleapis.com/css2?family=Inter'])
    expect(unexplainedUrls('fetch(`https://telemetry.example/v1/e`)')).toEqual(['https://telemetry.example/v1/e'])
    expect(unexplainedUrls('new WebSocket("wss://live.example/socket")')).toEqual(['wss://live.example/socket'])
    expect(unexplainedUrls('fetch(`https://${host}/update`)')).toEqual(['https://${host}/update'])
    expect(unexplainedUrls('/^https?:\\/\\//i.test(x) || /http:\/\/[$]/')).toEqual([])
    expect(unexplainedUrls('createElementNS("http://www.w3.org/2000/svg", "svg")')).toEqual([])
  })

  it('every URL in out/renderer, out/main and out/preload is an identifier or text, never an address the app requests', () => {
    const files = ['renderer', 'main', 'preload'].flatMap((d) => filesUnder(join(OUT, d)))
    expect(files.map((f) => relative(OUT, f))).toContain(join('renderer', 'index.html'))
    expect(files.some((f) => f.includes(`${join('renderer', 'assets')}`) && f.endsWith('.js'))).toBe(true)
    const found = files.flatMap((f) => unexplainedUrls(readFileSync(f, 'utf8')).map((url) => `${relative(OUT, f)}: ${url}`))
    expect(found).toEqual([])
  })
})
