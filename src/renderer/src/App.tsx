import { useEffect } from 'react'
import { ComplaintWizard } from './complaint/ComplaintWizard'
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
  const archiveId = useArchiveStore((s) => s.summary?.archiveId)
  const screen = useAppStore((s) => s.screen)
  const setScreen = useAppStore((s) => s.setScreen)
  const loadInfo = useAppStore((s) => s.load)
  useTheme()
  useAppCommands()
  useEffect(() => void loadInfo(), [loadInfo])
  // Every export opens on its review.
  useEffect(() => setScreen('review'), [archiveId, setScreen])

  return (
    <div className="app" data-screen={status}>
      <TopBar />
      <main className="screen">
        {status === 'idle' && <Welcome />}
        {status === 'opening' && <Opening />}
        {status === 'error' && <OpenError />}
        {status === 'open' && (screen === 'complaint' ? <ComplaintWizard /> : <Review />)}
      </main>
    </div>
  )
}
