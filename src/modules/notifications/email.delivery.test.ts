import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, registerCitizen } from '../../../test/helpers/http.ts'
import { alertMessage, deliveriesOf, notifyUsers } from '../../../test/helpers/notify.ts'
import { type Mailbox, startMailbox } from '../../../test/helpers/smtp.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { messageIdFor } from './mailer.ts'
import { verifyActionSignature } from './message-actions.ts'

/** Jobs are picked up by polling workers on a shared machine: give them time. */
const WAIT = { timeout: 20_000 }

let rt: TestRuntime
let mailbox: Mailbox
beforeAll(async () => {
  mailbox = await startMailbox()
  rt = await startTestRuntime({
    env: { SMTP_URL: mailbox.url, PUBLIC_URL: 'https://lingshi.example' },
    work: true,
  })
})
afterAll(async () => {
  await rt?.close()
  await mailbox?.close()
})

const linksIn = (text: string) =>
  [...text.matchAll(/https:\/\/lingshi\.example\/\S+/g)].map((m) => new URL(m[0]))

describe('e-mail', () => {
  it('carries one signed link per answer, in the person’s language, that works for them alone', async () => {
    const en = await registerCitizen(rt.app, { locale: 'en' })
    const zh = await registerCitizen(rt.app, { locale: 'zh-CN' })
    const message = alertMessage()
    const about = message.about ?? { type: '', id: '' }
    await notifyUsers(rt.ctx, [en.userId, zh.userId], message)

    await mailbox.waitFor(2)
    const toEn = mailbox.messages.find((m) => m.to && JSON.stringify(m.to).includes(en.email))
    const toZh = mailbox.messages.find((m) => m.to && JSON.stringify(m.to).includes(zh.email))
    if (!toEn?.text || !toZh?.text) throw new Error('no mail')
    expect(toEn.subject).toBe('Earthquake warning')
    expect(toZh.subject).toBe('地震预警')
    expect(toEn.text).toContain('Answer with one click')
    expect(toZh.text).toContain('一键回复')
    expect(toZh.text).toContain('- 我很安全: https://lingshi.example/alerts/')

    const [link, safe, help] = linksIn(toEn.text)
    expect(link?.pathname).toBe(`/alerts/${about.id}`)
    for (const [url, answer] of [
      [safe, 'safe'],
      [help, 'need_help'],
    ] as const) {
      expect(url?.pathname).toBe(`/alerts/${about.id}/answer`)
      expect(url?.searchParams.get('user')).toBe(en.userId)
      expect(url?.searchParams.get('answer')).toBe(answer)
      const sig = url?.searchParams.get('sig') ?? ''
      expect(verifyActionSignature(rt.ctx.signer, about, en.userId, answer, sig)).toBe(true)
      // The link cannot be turned into another answer, another person's answer or another alert's.
      expect(verifyActionSignature(rt.ctx.signer, about, zh.userId, answer, sig)).toBe(false)
      expect(verifyActionSignature(rt.ctx.signer, about, en.userId, 'not_in_area', sig)).toBe(false)
      expect(verifyActionSignature(rt.ctx.signer, { ...about, id: en.userId }, en.userId, answer, sig)).toBe(
        false,
      )
    }
    const inbox = (await caller(rt.app)('GET', '/api/v1/me/inbox', en.cookie)).json()
    expect(inbox[0].actions).toEqual([
      { key: 'safe', label: 'I am safe' },
      { key: 'need_help', label: 'I need help' },
    ])
    const [delivery] = await deliveriesOf(rt.ctx, en.userId, 'email')
    expect(toEn.messageId).toBe(messageIdFor(delivery?.id ?? ''))
    expect(toEn.headers.get('x-lingshi-delivery')).toBe(delivery?.id)
  })

  it('sends a message to many people over pooled connections, each once', async () => {
    const people = await Promise.all(
      Array.from({ length: 12 }, () => registerCitizen(rt.app, { locale: 'en' })),
    )
    const before = mailbox.messages.length
    await notifyUsers(
      rt.ctx,
      people.map((p) => p.userId),
      alertMessage({ actions: undefined, actionUrl: undefined, title: { 'zh-CN': '群发', en: 'Fan-out' } }),
    )
    await mailbox.waitFor(before + people.length)
    const fanOut = mailbox.messages.filter((m) => m.subject === 'Fan-out')
    expect(fanOut).toHaveLength(people.length)
    expect(new Set(fanOut.map((m) => m.headers.get('x-lingshi-delivery'))).size).toBe(people.length)
    expect(fanOut[0]?.text).not.toContain('one click')
    for (const p of people) {
      await expect
        .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'email'))[0]?.state, WAIT)
        .toBe('sent')
    }
  })
})
