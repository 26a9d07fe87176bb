import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { eldTablePlugin } from './src/core/analysis/text/eld-build'

// The CLI is a second entry of the main build: it runs the same src/core in plain Node.
export default defineConfig({
  main: {
    // eld's language table in a binary form the engine reads in ~1 ms (src/core/analysis/text/eld-binary.ts).
    plugins: [eldTablePlugin(resolve(__dirname, 'node_modules'))],
    // eld's detector bundled as a CommonJS chunk: required through Node's ES module loader it took ~20 ms a process.
    resolve: { alias: { 'eld-detector': resolve(__dirname, 'node_modules/eld/src/languageDetector.js') } },
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          'peaks-worker': resolve(__dirname, 'src/core/audio/peaks.worker.ts')
        }
      }
    }
  },
  preload: {
    build: { externalizeDeps: true }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') }
    },
    plugins: [react()]
  }
})
