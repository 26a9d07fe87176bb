import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App } from './App'
import './stores/per-export'
import { applyTheme, useUiStore } from './stores/ui'

// The theme is set before the first paint, so a dark system never sees a light frame.
applyTheme(useUiStore.getState().theme)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
