import { z } from 'zod'

/** One problem found while reading an export: where, and why in a sentence. The read goes on past it. */
export const ProblemSchema = z.object({
  kind: z.string(),
  path: z.string().nullable(),
  message: z.string()
})
export type Problem = z.infer<typeof ProblemSchema>
