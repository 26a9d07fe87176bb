export { builtInProviders } from './built-ins'
export { readExport, type ReadExportOptions } from './read-export'
export { ProviderRegistry } from './registry'
export type { ParseContext, ParseProgress, ProviderDescriptor, ProviderItem, Recognition } from './types'
