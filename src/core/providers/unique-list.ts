/**
 * Adds values to `list` (with what it holds already) once each, in order, skipping empty ones. A
 * Set beside the list: `list.includes` per value made a customer file of 40,000 ids cost 6.9 s.
 */
export function onceInto(list: string[]): (value: string | null | undefined) => void {
  const seen = new Set(list)
  return (value) => {
    if (!value || seen.has(value)) return
    seen.add(value)
    list.push(value)
  }
}
