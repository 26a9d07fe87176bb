import { create } from 'zustand'
import type { AppInfo } from '../../../shared/model/app'
import { call } from '../api/client'

interface AppState {
  info: AppInfo | null
  load(): Promise<void>
}

/** Facts about the running app, fetched once through the contract. */
export const useAppStore = create<AppState>((set) => ({
  info: null,
  async load() {
    set({ info: await call('appInfo', {}) })
  }
}))
