/** Bounds how many expensive operations (argon2, PDF) run at once so one storm cannot starve the rest. */
export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []
  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await fn()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}
