/**
 * `s` without the run of `char` that ends it. A pattern such as /\.+$/ is tried again from every
 * character of each earlier run, so a name or word of many such runs cost the square of its length.
 */
export function withoutTrailing(s: string, char: string): string {
  let end = s.length
  while (end > 0 && s[end - 1] === char) end--
  return end === s.length ? s : s.slice(0, end)
}
