// Turns a failed Electron download into the one line `npm start` prints: the real reason (from the
// error's cause, which fetch hides behind "fetch failed"), and what to do next. Never a stack.

const NEXT =
  'Retry `npm start` when the connection works, or set ELECTRON_MIRROR to a mirror you can reach; ' +
  'without Electron, `npm run shot` photographs the app in Chromium and `./bin/exportscope --help` is the CLI.'

/**
 * @param {any} err what @electron/get, our fetch or install.js threw
 * @param {{ version: string, url: string, cacheRoot: string }} where
 * @returns {{ line: string, reason: string }} the line to print, and the reason alone (for the note the e2e spec reads)
 */
export function downloadFailure(err, { version, url, cacheRoot }) {
  const from = url ? ` from ${url}` : ''
  const reason = describe(err, cacheRoot)
  return { line: `Could not download Electron ${version}${from}: ${reason}. ${NEXT}`, reason }
}

function describe(err, cacheRoot) {
  if (err?.stage === 'unpack') return `unpacking the downloaded zip failed (${oneLine(err.message)})`
  if (err?.stalled) return `the server stopped sending (${err.message})`
  if (typeof err?.status === 'number') return `the server answered ${oneLine(err.message)}`
  const message = oneLine(err?.message ?? String(err))
  if (/checksum|sha256|did not match/i.test(message)) {
    return `the download did not match Electron's published checksum (${message}); a retry fetches it again`
  }
  const cause = innermost(err)
  const code = cause?.code ?? err?.code
  const host = cause?.hostname ?? cause?.address ?? ''
  const port = cause?.port ? `:${cause.port}` : ''
  switch (code) {
    case 'ECONNREFUSED':
      return `the connection was refused by ${host}${port}`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${host} could not be resolved (offline, or no DNS)`
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `connecting to ${host || 'the server'} timed out`
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was cut'
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `the network cannot reach ${host || 'the server'}`
    case 'ENOSPC':
      return `the disk is full (cache ${cacheRoot})`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `no permission to write ${cause?.path ?? cacheRoot} (set electron_config_cache to a writable folder)`
    default: {
      const detail = cause && cause !== err && cause.message ? oneLine(cause.message) : ''
      if (code) return `${detail || message} (${code})`
      return detail ? `${message} (${detail})` : message
    }
  }
}

/** fetch wraps the socket's error in `cause` (sometimes twice, or in an AggregateError). */
function innermost(err) {
  let e = err
  for (let i = 0; i < 5 && e?.cause; i++) e = e.cause
  if (e?.errors?.length) e = e.errors[0]
  return e
}

function oneLine(text) {
  return String(text).split('\n')[0].trim()
}
