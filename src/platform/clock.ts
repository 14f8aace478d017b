/** The clock is a dependency so tests choose the time (house style R9). */
export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

export const fixedClock = (iso: string): Clock & { set(iso: string): void; advance(ms: number): void } => {
  let t = new Date(iso).getTime()
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime()
    },
    advance: (ms) => {
      t += ms
    },
  }
}
