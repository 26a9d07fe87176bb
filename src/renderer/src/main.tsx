import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App } from './App'
import { useStore } from './stores'
import { applyTheme } from './stores/ui'

// The theme is set before the first paint, so a dark system never sees a light frame.
applyTheme(useStore.getState().ui.theme)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
