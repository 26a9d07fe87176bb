// eld's detector (node_modules/eld/src/languageDetector.js), bundled under this name by the main build (electron.vite.config.ts).
declare module 'eld-detector' {
  export function createEld(): { instance: { detect(text: string): { language: string; isReliable(): boolean } }; loadData(data: unknown): string }
}
