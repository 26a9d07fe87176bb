/** Standard normal draws from a uniform source (Box-Muller), for synthetic voice vectors in tests and benches. */
export const gaussian = (rnd: () => number) => (): number => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd())
