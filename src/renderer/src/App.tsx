import { useEffect } from 'react'
import { TopBar } from './components/TopBar'
import { useTheme } from './components/useTheme'
import { useAppCommands } from './components/useAppCommands'
import { OpenError } from './screens/OpenError'
import { Opening } from './screens/Opening'
import { Review } from './screens/Review'
import { Welcome } from './screens/Welcome'
import { useArchiveStore } from './stores/archive'
import { useAppStore } from './stores/app'

export function App() {
  const status = useArchiveStore((s) => s.status)
  const loadInfo = useAppStore((s) => s.load)
  useTheme()
  useAppCommands()
  useEffect(() => void loadInfo(), [loadInfo])

  return (
    <div className="app" data-screen={status}>
      <TopBar />
      <main className="screen">
        {status === 'idle' && <Welcome />}
        {status === 'opening' && <Opening />}
        {status === 'error' && <OpenError />}
        {status === 'open' && <Review />}
      </main>
    </div>
  )
}
