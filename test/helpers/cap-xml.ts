import { CapParseError } from '../../src/modules/alerts/cap/cap.errors.ts'

/** Hand-written alerts for tests: a small valid alert, with the part under test swapped in. */
export interface AlertParts {
  /** A namespace prefix with its colon, e.g. "cap:"; the default namespace when absent. */
  prefix?: string
  prolog?: string
  identifier?: string
  sent?: string
  msgType?: string
  references?: string
  headline?: string
  description?: string
  /** The inside of `<area>`, unprefixed. */
  area?: string
  /** The inside of `<info>`, unprefixed; null for an alert without info. */
  info?: string | null
  /** Elements after the last info, such as a signature. */
  trailer?: string
}

export function alertXml(o: AlertParts = {}): string {
  const p = o.prefix ?? ''
  const el = (name: string, body: string) => `<${p}${name}>${body}</${p}${name}>`
  const area = o.area ?? `${el('areaDesc', 'Beijing, Chaoyang')}${el('circle', '39.92,116.44 10')}`
  const info =
    o.info ??
    [
      el('category', 'Safety'),
      el('event', 'Demonstration'),
      el('urgency', 'Immediate'),
      el('severity', 'Moderate'),
      el('certainty', 'Observed'),
      el('headline', o.headline ?? 'Avoid the embassy district'),
      ...(o.description === undefined ? [] : [el('description', o.description)]),
      el('area', area),
    ].join('\n    ')
  const xmlns = p ? `xmlns:${p.slice(0, -1)}` : 'xmlns'
  return `${o.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<${p}alert ${xmlns}="urn:oasis:names:tc:emergency:cap:1.2">
  ${el('identifier', o.identifier ?? 'CN-MFA-2024-0001')}
  ${el('sender', 'alerts@consular.example')}
  ${el('sent', o.sent ?? '2024-05-01T08:00:00+08:00')}
  ${el('status', 'Actual')}
  ${el('msgType', o.msgType ?? 'Alert')}
  ${el('scope', 'Public')}
  ${o.references === undefined ? '' : el('references', o.references)}
  ${o.info === null ? '' : el('info', `\n    ${info}\n  `)}
  ${o.trailer ?? ''}
</${p}alert>
`
}

/** Runs `fn`, expecting a CapParseError, and returns it. */
export function refusal(fn: () => unknown): CapParseError {
  try {
    fn()
  } catch (err) {
    if (err instanceof CapParseError) return err
    throw err
  }
  throw new Error('expected the alert to be refused')
}
