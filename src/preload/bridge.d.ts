import type { ExportscopeBridge } from '../shared/ipc/bridge'

declare global {
  interface Window {
    readonly exportscope: ExportscopeBridge
  }
}
export {}
