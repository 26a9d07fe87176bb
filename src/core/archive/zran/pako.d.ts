// pako's low-level inflate (a JavaScript port of zlib's inflate.c): the one inflater here that
// stops at deflate block boundaries (Z_BLOCK) and says where in the bit stream it stopped (data_type).
declare module 'pako/lib/zlib/zstream.js' {
  class ZStream {
    input: Uint8Array | null
    next_in: number
    avail_in: number
    total_in: number
    output: Uint8Array | null
    next_out: number
    avail_out: number
    total_out: number
    msg: string
    data_type: number
  }
  export = ZStream
}

declare module 'pako/lib/zlib/inflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js'
  export function inflateInit2(strm: ZStream, windowBits: number): number
  export function inflate(strm: ZStream, flush: number): number
  export function inflateEnd(strm: ZStream): number
}
