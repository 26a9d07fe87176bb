import { ArchiveOpenError, exportSha256, hashArchive } from '../../archive'
import type { EvidenceSummary } from '../../../shared/model/complaint'
import { evidenceSummary } from './manifest'
import { ROOT_FILE } from './names'
import { verifyBundle } from './verify'

/**
 * What letters made for a bundle already written print: its manifest's facts and its root's
 * SHA-256, after checking that the bundle is consistent and describes this export (`parts`,
 * hashed here). A sentence instead when it cannot be used.
 */
export async function evidenceOfBundle(path: string, parts: readonly { path: string }[], signal?: AbortSignal): Promise<{ evidence: EvidenceSummary; parts: { name: string; bytes: number; sha256: string }[] } | { problem: string }> {
  let checked
  try {
    checked = await verifyBundle(path, { signal })
  } catch (err) {
    if (err instanceof ArchiveOpenError) return { problem: `The bundle ${path} cannot be read (${err.message}).` }
    throw err
  }
  const first = checked.differences[0]
  if (first) return { problem: `The bundle ${path} does not check out (${first.where}: ${first.message}); see "exportscope verify ${path}".` }
  const { manifest, manifestSha256, rootSha256 } = checked
  if (!manifest || !manifestSha256 || !rootSha256) return { problem: `${path} has no readable manifest.json or ${ROOT_FILE}; is it an Exportscope bundle?` }
  const recorded = manifest.archive.sha256
  // An unpacked folder has no one file to hash; its manifest's entries carry the hashes instead.
  const sha = recorded === null ? null : exportSha256((await hashArchive(parts.map((p) => p.path), { signal })).map((h) => h.sha256))
  if (recorded !== sha) return { problem: `The bundle ${path} was made from another export (SHA-256 ${recorded}, this export's is ${sha}).` }
  return { evidence: evidenceSummary(manifest, manifestSha256, rootSha256), parts: manifest.archive.parts }
}
