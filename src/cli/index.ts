import { useCodeCache } from './code-cache'

// The CLI's entry compiles the rest with the code cache the build made (code-cache.ts), so it is kept
// to this: the command line itself is a chunk of its own, loaded once the cache is in place.
useCodeCache(__dirname)
void import('./main')
