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

export const methodName = (method: number): string => names[method] ?? `method-${method}`

export const canInflate = (method: number): boolean => method === 0 || method === 8

/** A phrase for messages: "compression method 14 (LZMA)". */
export const methodLabel = (method: number): string => {
  const name = names[method]
  return name ? `compression method ${method} (${name.toUpperCase()})` : `compression method ${method}`
}
