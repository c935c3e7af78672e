import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'
import type { PasswordFeedback } from './auth.schema.ts'
import { identityError } from './identity.errors.ts'

/** zxcvbn's "safely unguessable": about 10^8 guesses, out of reach of an online attacker. */
const MIN_SCORE = 3
const MIN_LENGTH = 10

/** Words an attacker tries first against this product, whoever the person is. */
const PRODUCT_WORDS = [
  'lingshi',
  '领事',
  '领事馆',
  '大使馆',
  '外交部',
  'consular',
  'consulate',
  'embassy',
  'ministry',
  'lingshi-demo',
  '12308',
]

let estimator: ZxcvbnFactory | undefined
/** Built on first use: the dictionaries take a moment to rank. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  })
  return estimator
}

/** What a person typed about themselves: the e-mail's parts, the phone's digits, the name's words. */
export function personalWords(inputs: {
  email?: string | null
  phone?: string | null
  name?: string | null
}): string[] {
  const words: string[] = []
  if (inputs.email) {
    const [local = '', domain = ''] = inputs.email.toLowerCase().split('@')
    words.push(local, ...local.split(/[._+-]+/), ...domain.split('.').slice(0, -1))
  }
  if (inputs.phone) {
    const digits = inputs.phone.replace(/\D/g, '')
    words.push(digits, digits.slice(-8), digits.slice(-4))
  }
  if (inputs.name) words.push(...inputs.name.toLowerCase().split(/\s+/))
  return words.filter((w) => w.length >= 3)
}

/** The estimator's verdict: feedback keys are stable (the web app translates them). */
export function judgePassword(password: string, personal: readonly string[]): ZxcvbnResult {
  return strengthEstimator().check(password, [...PRODUCT_WORDS, ...personal])
}

const WARNINGS: Record<string, string> = english.translations.warnings
const SUGGESTIONS: Record<string, string> = english.translations.suggestions

/**
 * New and changed passwords: at least 10 characters and score 3 of zxcvbn with its common and
 * English dictionaries, the product's words and the person's own as known inputs.
 */
export function assertStrongPassword(password: string, personal: readonly string[]): void {
  if (password.length < MIN_LENGTH) {
    const feedback: PasswordFeedback = { warning: 'tooShort', suggestions: ['useWords'] }
    throw identityError('auth.weak_password', 'The password must be at least 10 characters long', {
      feedback,
    })
  }
  const verdict = judgePassword(password, personal)
  if (verdict.score >= MIN_SCORE) return
  const feedback: PasswordFeedback = {
    warning: verdict.feedback.warning,
    suggestions: verdict.feedback.suggestions.length > 0 ? verdict.feedback.suggestions : ['anotherWord'],
  }
  const said = [
    feedback.warning ? WARNINGS[feedback.warning] : undefined,
    ...feedback.suggestions.map((s) => SUGGESTIONS[s]),
  ].filter(Boolean)
  throw identityError('auth.weak_password', `This password is too easy to guess. ${said.join(' ')}`.trim(), {
    feedback,
  })
}
