import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Tests only: ffmpeg makes real AAC/M4A and cross-checks the npm encoders. The app never runs it. */
export const hasFfmpeg = (): boolean => spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0

export const NO_FFMPEG = 'ffmpeg is not installed (.ci/run installs it with apt); these files need a real AAC/LAME encoder'

export function ffmpegEncode(wav: Buffer, ext: string, args: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'exportscope-ffmpeg-'))
  try {
    writeFileSync(join(dir, 'in.wav'), wav)
    const r = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', join(dir, 'in.wav'), ...args, join(dir, `out.${ext}`)])
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`)
    return readFileSync(join(dir, `out.${ext}`))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
