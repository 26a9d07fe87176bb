/**
 * Settles on the event loop's next turn, after the I/O and timers waiting (setImmediate): long work
 * on the engine's thread awaits it now and then so other calls, progress and cancel get their turn.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve))
