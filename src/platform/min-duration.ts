/**
 * Runs `fn` and answers no sooner than `ms` after the start. Used where two outcomes must not be
 * told apart by response time (forgotten password, registration with a known e-mail): the slower
 * path's real cost stays under the floor, so both answer in the same time (quality.md §3).
 */
export async function withMinDuration<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await fn()
  } finally {
    const left = ms - (performance.now() - started)
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
  }
}
