import { z } from 'zod'

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the app keeps its own files (case files, caches). */
  home: z.string(),
  /** 'electron' in the desktop app, 'harness' in the e2e harness, 'cli' for the command line. */
  shell: z.enum(['electron', 'harness', 'cli']),
  platform: z.string(),
  sampleAvailable: z.boolean()
})
export type AppInfo = z.infer<typeof AppInfoSchema>
