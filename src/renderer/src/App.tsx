import { useEffect } from 'react'
import { ComplaintWizard } from './complaint/ComplaintWizard'
import { TopBar } from './components/TopBar'
import { useTheme } from './components/useTheme'
import { useAppCommands } from './components/useAppCommands'
import { OpenError } from './screens/OpenError'
import { Opening } from './screens/Opening'
import { Review } from './screens/Review'
import { Welcome } from './screens/Welcome'
import { useStore } from './stores'

export function App() {
  const status = useStore((s) => s.archive.status)
  const archiveId = useStore((s) => s.archive.summary?.archiveId)
  const screen = useStore((s) => s.app.screen)
  const setScreen = useStore((s) => s.app.setScreen)
  const loadInfo = useStore((s) => s.app.load)
  useTheme()
  useAppCommands()
  useEffect(() => void loadInfo(), [loadInfo])
  // Every export opens on its review.
  useEffect(() => setScreen('review'), [archiveId, setScreen])

  return (
    // data-view tells the stylesheet the review workspace is shown (one window high, no page scroll).
    <div className="app" data-screen={status} data-view={status === 'open' && screen !== 'complaint' ? 'workspace' : undefined}>
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
