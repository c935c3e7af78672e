/**
 * A rate limit for one channel in one process: `take(n)` waits until n sends are allowed.
 * With N worker processes the channel sends up to N times the rate (see docs/operations.md).
 * Waiters are served in order, so one large batch is not overtaken forever by small ones.
 */
export class TokenBucket {
  private tokens: number
  private last: number
  private queue: Promise<void> = Promise.resolve()
  readonly capacity: number

  constructor(
    readonly ratePerSecond: number,
    burst: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> } = realClock,
  ) {
    this.capacity = Math.max(1, burst, ratePerSecond)
    this.tokens = this.capacity
    this.last = clock.now()
  }

  take(n: number): Promise<void> {
    const wanted = Math.min(n, this.capacity)
    const turn = this.queue.then(() => this.waitFor(wanted))
    this.queue = turn
    return turn
  }

  /** Gives back what a batch reserved but did not use. */
  refund(n: number): void {
    if (n > 0) this.tokens = Math.min(this.capacity, this.tokens + n)
  }

  private refill(): void {
    const now = this.clock.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond)
    this.last = now
  }

  private async waitFor(n: number): Promise<void> {
    this.refill()
    while (this.tokens < n) {
      await this.clock.sleep(Math.ceil(((n - this.tokens) / this.ratePerSecond) * 1000))
      this.refill()
    }
    this.tokens -= n
  }
}

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}
