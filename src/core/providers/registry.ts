import type { ProviderDescriptor } from './types'

/** The providers one reader consults; a second provider with an id already taken is a bug, not an override. */
export class ProviderRegistry {
  private readonly byId = new Map<string, ProviderDescriptor>()

  constructor(providers: Iterable<ProviderDescriptor> = []) {
    for (const p of providers) this.register(p)
  }

  register(provider: ProviderDescriptor): void {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(provider.id)) throw new Error(`Provider id "${provider.id}" is not kebab-case.`)
    if (this.byId.has(provider.id)) throw new Error(`A provider with the id "${provider.id}" is already registered.`)
    this.byId.set(provider.id, provider)
  }

  get(id: string): ProviderDescriptor | undefined {
    return this.byId.get(id)
  }

  list(): ProviderDescriptor[] {
    return [...this.byId.values()]
  }
}
