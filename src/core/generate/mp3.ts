/**
 * MP3, as Takeout ships Assistant audio. lamejs (LGPL, a dev dependency) is loaded only here,
 * so the app's own sample export, which is WAV, never needs it.
 */
export async function encodeMp3(samples: Int16Array, sampleRate: number): Promise<Buffer> {
  const { Mp3Encoder } = await import('@breezystack/lamejs')
  const encoder = new Mp3Encoder(1, sampleRate, 32)
  const parts: Buffer[] = []
  // lamejs hands back Int8Array views; Buffer.from over their memory avoids a copy.
  const keep = (a: ArrayBufferView) => parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength))
  for (let i = 0; i < samples.length; i += 1152) keep(encoder.encodeBuffer(samples.subarray(i, i + 1152)))
  keep(encoder.flush())
  return Buffer.concat(parts)
}
