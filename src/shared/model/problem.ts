import { z } from 'zod'

/** One problem found while reading an export: where, and why in a sentence. The read goes on past it. */
export const ProblemSchema = z.object({
  kind: z.string(),
  path: z.string().nullable(),
  message: z.string(),
  /** Byte offsets in the archive the problem is about, where it has them (both copies of a duplicate name). */
  offsets: z.array(z.number().int().min(0)).optional()
})
export type Problem = z.infer<typeof ProblemSchema>
