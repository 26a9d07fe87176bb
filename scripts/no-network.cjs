// Preloaded (node --require) into tools that would reach the internet: every name lookup fails at
// once (with a code no HTTP client retries) and every socket to a host other than loopback is refused, so they run the same offline.
const dns = require('node:dns')
const net = require('node:net')

const refuse = (host) => Object.assign(new Error(`offline: no lookup of ${host}`), { code: 'EOFFLINE', hostname: host })
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1'])

dns.lookup = (host, options, callback) => {
  const cb = typeof options === 'function' ? options : callback
  if (LOOPBACK.has(host)) return cb(null, host === '::1' ? '::1' : '127.0.0.1', host === '::1' ? 6 : 4)
  process.nextTick(() => cb(refuse(host)))
}
dns.promises.lookup = async (host) => {
  if (LOOPBACK.has(host)) return { address: '127.0.0.1', family: 4 }
  throw refuse(host)
}
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const host = first && typeof first === 'object' ? first.host : typeof args[1] === 'string' ? args[1] : undefined
  if (host && !LOOPBACK.has(host) && !first?.path) {
    process.nextTick(() => this.destroy(refuse(host)))
    return this
  }
  return connect.apply(this, args)
}
