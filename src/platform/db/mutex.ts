/** A FIFO lock: PGlite is one connection, so Kysely and pg-boss take turns through one of these. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => {
      release = resolve
    })
    const previous = this.tail
    this.tail = previous.then(() => next)
    await previous
    let released = false
    return () => {
      if (!released) {
        released = true
        release()
      }
    }
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await fn()
    } finally {
      release()
    }
  }
}
