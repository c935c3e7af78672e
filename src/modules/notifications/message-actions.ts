import type { Signer } from '../../platform/crypto/signer.ts'
import type { MessageAction } from './notifications.table.ts'

/** The action key of a link that opens a page where the person picks their answer (SMS). */
export const ANY_ACTION = '*'

const KEY = /^[a-z][a-z0-9_]{0,31}$/
const PLACEHOLDERS = new Set(['about', 'user', 'action', 'sig'])
/** Push notifications show two or three buttons; more would not fit an e-mail or text either. */
const MAX_ACTIONS = 5

export interface About {
  readonly type: string
  readonly id: string
}

/** The signing purpose of one-click answers about this kind of thing, e.g. `alert.action`. */
export function actionPurpose(aboutType: string): string {
  return `${aboutType}.action`
}

/** The signature in a recipient's link: it names the thing, the person and the answer. */
export function signAction(signer: Signer, about: About, userId: string, key: string): string {
  return signer.sign(actionPurpose(about.type), [about.id, userId, key])
}

/**
 * Whether `sig` lets this person give this answer: a link signed for exactly that answer, or the
 * `*` link (the page where the person chooses). A signature for another person, another thing
 * or another answer does not verify.
 */
export function verifyActionSignature(
  signer: Signer,
  about: About,
  userId: string,
  answer: string,
  sig: string,
): boolean {
  const purpose = actionPurpose(about.type)
  const exact = signer.verify(purpose, [about.id, userId, answer], sig)
  const any = signer.verify(purpose, [about.id, userId, ANY_ACTION], sig)
  return exact || any
}

/** The recipient's link: the template's `{about}`, `{user}`, `{action}` and `{sig}` filled in. */
export function actionLink(
  template: string,
  signer: Signer,
  about: About,
  userId: string,
  key: string,
): string {
  const values: Record<string, string> = {
    about: about.id,
    user: userId,
    action: key,
    sig: signAction(signer, about, userId, key),
  }
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''))
}

/**
 * Refuses a message whose actions could not be rendered: a programming error in the calling
 * module, not a person's input, so it throws rather than answering a 4xx.
 */
export function checkActions(
  about: About | undefined,
  actions: readonly MessageAction[] | undefined,
  actionUrl: string | undefined,
): void {
  if (!actions?.length && !actionUrl) return
  if (!about) throw new Error('A message with actions must say what it is about')
  if (!actions?.length || !actionUrl)
    throw new Error('A message with actions needs both actions and actionUrl')
  if (actions.length > MAX_ACTIONS) throw new Error(`At most ${MAX_ACTIONS} actions`)
  const keys = new Set<string>()
  for (const a of actions) {
    if (!KEY.test(a.key)) throw new Error(`Action key ${JSON.stringify(a.key)} must match ${KEY}`)
    if (keys.has(a.key)) throw new Error(`Action key ${a.key} appears twice`)
    keys.add(a.key)
    if (!a.label['zh-CN'].trim() || !a.label.en.trim()) throw new Error(`Action ${a.key} needs both labels`)
  }
  if (!actionUrl.startsWith('/') || actionUrl.startsWith('//')) {
    throw new Error('actionUrl must be a path on this site, e.g. /alerts/{about}/answer?…')
  }
  const used = [...actionUrl.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')
  const unknown = used.filter((name) => !PLACEHOLDERS.has(name))
  if (unknown.length) throw new Error(`actionUrl has unknown placeholders: ${unknown.join(', ')}`)
  for (const needed of ['user', 'action', 'sig']) {
    if (!used.includes(needed)) throw new Error(`actionUrl must contain {${needed}}`)
  }
}
