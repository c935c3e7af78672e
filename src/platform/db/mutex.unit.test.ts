import { describe, expect, it } from 'vitest'
import { Mutex } from './mutex.ts'

describe('Mutex', () => {
  it('runs holders one at a time, in the order they asked', async () => {
    const mutex = new Mutex()
    const events: string[] = []
    const task = (name: string, ticks: number) =>
      mutex.run(async () => {
        events.push(`${name}:start`)
        for (let i = 0; i < ticks; i++) await Promise.resolve()
        events.push(`${name}:end`)
      })
    await Promise.all([task('a', 5), task('b', 1), task('c', 3)])
    expect(events).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end'])
  })

  it('lets the next holder in after a failure', async () => {
    const mutex = new Mutex()
    await expect(mutex.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(mutex.run(async () => 42)).resolves.toBe(42)
  })
})
