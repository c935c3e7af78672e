import { describe, expect, it } from 'vitest'
import { Signer } from '../../platform/crypto/signer.ts'
import type { ClaimedDelivery } from './delivery.repository.ts'
import { ANY_ACTION, actionLink, checkActions, signAction, verifyActionSignature } from './message-actions.ts'
import { pushPayload } from './push.delivery.ts'
import { smsFor } from './sms.delivery.ts'

const signer = new Signer('0f'.repeat(32))
const about = { type: 'alert', id: '0193a1b2-0000-7000-8000-0000000000a1' }
const alice = '0193a1b2-0000-7000-8000-00000000a11c'
const bob = '0193a1b2-0000-7000-8000-000000000b0b'
const template = '/alerts/{about}/answer?user={user}&answer={action}&sig={sig}'
const actions = [
  { key: 'safe', label: { 'zh-CN': '我很安全', en: 'I am safe' } },
  { key: 'need_help', label: { 'zh-CN': '我需要帮助', en: 'I need help' } },
]

function claimed(overrides: Partial<ClaimedDelivery> = {}): ClaimedDelivery {
  return {
    id: '0193a1b2-0000-7000-8000-0000000000d1',
    message_id: '0193a1b2-0000-7000-8000-0000000000e1',
    user_id: alice,
    attempts: 1,
    email: null,
    phone: '+33612345678',
    locale: 'en',
    kind: 'alert',
    about_type: about.type,
    about_id: about.id,
    title_zh: '地震预警',
    title_en: 'Earthquake warning',
    body_zh: '请立即避险。',
    body_en: 'Take cover now.',
    link: `/alerts/${about.id}`,
    emergency: true,
    actions,
    action_url: template,
    attachments: null,
    created_at: new Date(),
    ...overrides,
  }
}

describe('one-click answers', () => {
  it('fill the template for one person; the signature verifies for them, that answer and that alert only', () => {
    const url = new URL(actionLink(template, signer, about, alice, 'safe'), 'https://x.test')
    expect(url.pathname).toBe(`/alerts/${about.id}/answer`)
    expect(url.searchParams.get('user')).toBe(alice)
    const sig = url.searchParams.get('sig') ?? ''
    expect(sig).toBe(signAction(signer, about, alice, 'safe'))
    expect(verifyActionSignature(signer, about, alice, 'safe', sig)).toBe(true)
    expect(verifyActionSignature(signer, about, bob, 'safe', sig)).toBe(false)
    expect(verifyActionSignature(signer, about, alice, 'need_help', sig)).toBe(false)
    expect(verifyActionSignature(signer, { ...about, type: 'case' }, alice, 'safe', sig)).toBe(false)
    expect(verifyActionSignature(signer, about, alice, 'safe', signAction(signer, about, bob, 'safe'))).toBe(
      false,
    )
    expect(verifyActionSignature(signer, about, alice, 'safe', 'forged-signature-aaaaaa')).toBe(false)
    expect(verifyActionSignature(new Signer('1e'.repeat(32)), about, alice, 'safe', sig)).toBe(false)
  })

  it('let the pick-an-answer link give any answer, for its person only', () => {
    const any = signAction(signer, about, alice, ANY_ACTION)
    expect(verifyActionSignature(signer, about, alice, 'safe', any)).toBe(true)
    expect(verifyActionSignature(signer, about, alice, 'need_help', any)).toBe(true)
    expect(verifyActionSignature(signer, about, bob, 'safe', any)).toBe(false)
  })

  it('refuse a message whose actions could not be rendered', () => {
    expect(() => checkActions(about, actions, template)).not.toThrow()
    expect(() => checkActions(undefined, undefined, undefined)).not.toThrow()
    expect(() => checkActions(undefined, actions, template)).toThrow(/about/)
    expect(() => checkActions(about, actions, undefined)).toThrow(/actionUrl/)
    expect(() => checkActions(about, [{ ...actions[0], key: '*' } as never], template)).toThrow(/key/)
    expect(() => checkActions(about, [actions[0], actions[0]] as never, template)).toThrow(/twice/)
    expect(() => checkActions(about, actions, 'https://evil.example/{user}/{action}/{sig}')).toThrow(/path/)
    expect(() => checkActions(about, actions, '/a?u={user}&a={action}')).toThrow(/\{sig\}/)
    expect(() => checkActions(about, actions, '/a?u={user}&a={action}&s={sig}&x={secret}')).toThrow(/unknown/)
  })

  it('become push notification buttons with signed links', () => {
    const payload = JSON.parse(pushPayload(claimed(), signer))
    expect(payload.actions).toEqual([
      { action: 'safe', title: 'I am safe', url: actionLink(template, signer, about, alice, 'safe') },
      {
        action: 'need_help',
        title: 'I need help',
        url: actionLink(template, signer, about, alice, 'need_help'),
      },
    ])
    expect(JSON.parse(pushPayload(claimed({ locale: 'zh-CN' }), signer)).actions[0].title).toBe('我很安全')
    expect(
      JSON.parse(pushPayload(claimed({ actions: null, action_url: null }), signer)).actions,
    ).toBeUndefined()
  })

  it('give a text message one short link to pick the answer', () => {
    const ctx = {
      signer,
      config: { publicUrl: 'https://lingshi.example', linkBase: 'https://lingshi.example' },
    } as Parameters<typeof smsFor>[0]
    const text = smsFor(ctx, claimed())
    const [title, link, ...rest] = text.split('\n')
    expect(title).toBe('Earthquake warning')
    expect(rest).toEqual([])
    const url = new URL(link ?? '')
    expect(url.searchParams.get('answer')).toBe('*')
    expect(verifyActionSignature(signer, about, alice, 'safe', url.searchParams.get('sig') ?? '')).toBe(true)
    // Without actions the message's own link is sent.
    expect(smsFor(ctx, claimed({ actions: null, action_url: null }))).toBe(
      `Earthquake warning\nhttps://lingshi.example/alerts/${about.id}`,
    )
  })
})
