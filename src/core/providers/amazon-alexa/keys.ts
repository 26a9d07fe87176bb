export const AMAZON = 'amazon-alexa'

/** Devices are one per serial; without a serial, one per name as the export spells it. */
export const deviceKey = (serial: string | null, name: string | null): string | null =>
  serial ? `serial:${serial.toUpperCase()}` : name ? `name:${name.trim().toLowerCase()}` : null
