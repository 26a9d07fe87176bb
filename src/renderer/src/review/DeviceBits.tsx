import { useTranslation } from 'react-i18next'
import type { Lane } from './catalog'
import type { Registration } from './tones'

/** A lane's device name, or "no device" in the UI's language; a voice lane's number, or "no voice group". */
export function LaneName({ lane }: { lane: Lane }) {
  const { t } = useTranslation()
  if (lane.voice !== undefined) return <span className="lane-name">{lane.voice > 0 ? t('voices.name', { n: lane.voice }) : t('voices.unassigned')}</span>
  // Cut short in a narrow lane label: the whole name on hover.
  return (
    <span className="lane-name" title={lane.label ?? undefined}>
      {lane.label ?? t('device.none')}
    </span>
  )
}

/**
 * Registered to the account, or not: the strongest hint an export gives that a recording is not
 * the account's. "Not registered" is loud on purpose (colour, icon and words, never colour alone).
 */
export function RegistrationBadge({ registration, compact = false, iconOnly = false }: { registration: Registration; compact?: boolean; iconOnly?: boolean }) {
  const { t } = useTranslation()
  const label =
    registration === 'registered'
      ? t(compact ? 'device.registeredShort' : 'device.registered')
      : registration === 'unregistered'
        ? t(compact ? 'device.notRegisteredShort' : 'device.notRegistered')
        : registration === 'unstated'
          ? t(compact ? 'device.unstatedShort' : 'device.unstated')
          : t(compact ? 'device.unknownShort' : 'device.unknown')
  return (
    <span className={`reg-badge ${registration}${compact ? ' compact' : ''}${iconOnly ? ' icon-only' : ''}`} data-registration={registration} title={iconOnly ? label : undefined}>
      <span aria-hidden="true" className="reg-icon">
        {registration === 'registered' ? '✓' : registration === 'unregistered' ? '!' : '?'}
      </span>
      {iconOnly ? <span className="sr-only">{label}</span> : label}
    </span>
  )
}
