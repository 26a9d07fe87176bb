import list from './first-names.json'
import { isKnownPlaceWord } from './places'
import { fold, tokenize, type Token } from './tokens'

const always = new Map(list.names.map((n) => [fold(n), n]))
const whenCapitalized = new Map(list.capitalizedOnly.map((n) => [fold(n), n]))
// Words right before a place name: "in Charlotte" is the city, "mit Charlotte" the person.
const BEFORE_PLACE = new Set(['in', 'to', 'near', 'from', 'nach', 'bei', 'aus', 'von'])
// Assistants' wake words and products are never the people a recording talks about.
const NOT_PEOPLE = new Set(['alexa', 'echo', 'siri', 'google', 'cortana', 'bixby'])

/** The first names a transcript mentions, spelled as in our list. */
export function namesIn(text: string, tokens: readonly Token[] = tokenize(text)): string[] {
  const found = new Set<string>()
  for (const [i, t] of tokens.entries()) {
    if (NOT_PEOPLE.has(t.folded)) continue
    const before = tokens[i - 1]?.folded
    if (before && BEFORE_PLACE.has(before) && isKnownPlaceWord(t.folded)) continue
    const name = always.get(t.folded) ?? (t.capitalizedInside ? whenCapitalized.get(t.folded) : undefined)
    if (name) found.add(name)
  }
  return [...found]
}

/** The account holder's own first and last names: always usual, whatever the recordings say. */
export const ownNames = (accountNames: readonly string[]): Set<string> => new Set(accountNames.flatMap((n) => tokenize(n).map((t) => always.get(t.folded) ?? whenCapitalized.get(t.folded) ?? t.text)))
