import type { AppInfo } from '../../../shared/model/app'
import { call } from '../api/client'
import type { SliceCreator } from './slice'

/** Which screen an open export shows: its review, or the complaint wizard made from it. */
export type OpenScreen = 'review' | 'complaint'

export interface AppSlice {
  info: AppInfo | null
  screen: OpenScreen
  load(): Promise<void>
  setScreen(screen: OpenScreen): void
}

/** Facts about the running app, fetched once through the contract. */
export const createAppSlice: SliceCreator<AppSlice> = (set) => ({
  info: null,
  screen: 'review',
  async load() {
    set({ info: await call('appInfo', {}) })
  },
  setScreen(screen) {
    set({ screen })
  }
})
