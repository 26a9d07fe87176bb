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
  // An export just opened shows its workspace once the first page of recordings is in: one render
  // with them instead of an empty workspace first (at 100,000 recordings that empty render held
  // the renderer ~250 ms while the first page waited behind it). A re-read keeps the workspace.
  const waiting = useStore((s) => s.archive.status === 'open' && s.recordings.status === 'loading' && s.recordings.shown !== s.archive.summary?.archiveId)
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
        {(status === 'opening' || waiting) && <Opening />}
        {status === 'error' && <OpenError />}
        {status === 'open' && !waiting && (screen === 'complaint' ? <ComplaintWizard /> : <Review />)}
      </main>
    </div>
  )
}
