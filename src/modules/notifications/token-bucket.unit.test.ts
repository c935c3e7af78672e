import { describe, expect, it } from 'vitest'
import { TokenBucket } from './token-bucket.ts'

/** A clock that only moves when the bucket sleeps, so the test measures no real time. */
function fakeClock() {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms)
      clock.t += ms
    },
  }
  return clock
}

describe('TokenBucket', () => {
  it('lets a full bucket through at once, then spaces sends at the rate', async () => {
    const clock = fakeClock()
    const bucket = new TokenBucket(20, 10, clock)
    await bucket.take(20)
    expect(clock.t).toBe(0)
    await bucket.take(10)
    expect(clock.t).toBe(500)
    await bucket.take(1)
    expect(clock.t).toBe(550)
  })

  it('takes back what a batch did not use', async () => {
    const clock = fakeClock()
    const bucket = new TokenBucket(10, 10, clock)
    await bucket.take(10)
    bucket.refund(10)
    await bucket.take(10)
    expect(clock.t).toBe(0)
  })

  it('serves waiters in order, and never asks for more than it can hold', async () => {
    const clock = fakeClock()
    const bucket = new TokenBucket(5, 5, clock)
    const order: string[] = []
    await Promise.all([
      bucket.take(50).then(() => order.push('big')),
      bucket.take(1).then(() => order.push('small')),
    ])
    expect(order).toEqual(['big', 'small'])
    expect(clock.t).toBe(200)
  })
})
