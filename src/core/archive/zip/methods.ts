const names: Record<number, string> = {
  0: 'stored',
  1: 'shrunk',
  6: 'imploded',
  8: 'deflate',
  9: 'deflate64',
  12: 'bzip2',
  14: 'lzma',
  19: 'lz77',
  93: 'zstd',
  95: 'xz',
  96: 'jpeg',
  97: 'wavpack',
  98: 'ppmd',
  99: 'aes'
}

// Stored and deflate first: the keyed lookup in a sparse table is the slow way, for every entry.
export const methodName = (method: number): string => (method === 0 ? 'stored' : method === 8 ? 'deflate' : (names[method] ?? `method-${method}`))

export const canInflate = (method: number): boolean => method === 0 || method === 8

/** A phrase for messages: "compression method 14 (LZMA)". */
export const methodLabel = (method: number): string => {
  const name = names[method]
  return name ? `compression method ${method} (${name.toUpperCase()})` : `compression method ${method}`
}
