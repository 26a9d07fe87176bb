import { useEffect } from 'react'
import { onEvent } from '../api/client'
import { chooseAndOpen } from '../screens/open-actions'

/** Menu items and shortcuts from the shell (File › Open Export…). */
export function useAppCommands(): void {
  useEffect(
    () =>
      onEvent('app.command', ({ command }) => {
        void chooseAndOpen(command === 'open-folder' ? 'folder' : 'file')
      }),
    []
  )
}
