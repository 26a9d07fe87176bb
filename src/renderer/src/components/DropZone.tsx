import { useState, type DragEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { tokenForFile } from '../api/client'
import { useStore } from '../stores'

/** The card a person drops an export on; the path comes from the preload, the bytes never pass here. */
export function DropZone({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [active, setActive] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const open = useStore((s) => s.archive.open)

  const onDrop = async (event: DragEvent) => {
    event.preventDefault()
    setActive(false)
    const file = event.dataTransfer.files[0]
    if (!file) return
    const dropped = await tokenForFile(file)
    if (!dropped) {
      setMessage(t('welcome.dropNoPath'))
      return
    }
    setMessage(null)
    void open(dropped)
  }

  return (
    <div
      className={`dropzone${active ? ' active' : ''}`}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault()
        setActive(true)
      }}
      onDragLeave={() => setActive(false)}
      onDrop={(e) => void onDrop(e)}
    >
      {children}
      <p className="drop-label" aria-live="polite">
        {message ?? (active ? t('welcome.dropActive') : t('welcome.drop'))}
      </p>
    </div>
  )
}
