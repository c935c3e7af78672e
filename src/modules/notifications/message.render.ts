import type { Signer } from '../../platform/crypto/signer.ts'
import type { ClaimedDelivery } from './delivery.repository.ts'
import { ANY_ACTION, actionLink } from './message-actions.ts'

export interface RenderedAction {
  readonly key: string
  readonly label: string
  /** A path on this site, signed for this recipient. */
  readonly url: string
}

/** A delivery's message as its recipient reads it: their language, their signed links. */
export interface RenderedMessage {
  readonly locale: 'zh-CN' | 'en'
  readonly title: string
  readonly body: string
  readonly link: string | null
  readonly actions: readonly RenderedAction[]
  /** The link to the page where the person picks an answer (signed for `*`), when there are actions. */
  readonly chooseUrl: string | null
}

export function renderFor(d: ClaimedDelivery, signer: Signer): RenderedMessage {
  const en = d.locale === 'en'
  const about = d.about_type && d.about_id ? { type: d.about_type, id: d.about_id } : null
  const template = d.action_url
  const actions =
    about && template && d.actions
      ? d.actions.map((a) => ({
          key: a.key,
          label: en ? a.label.en : a.label['zh-CN'],
          url: actionLink(template, signer, about, d.user_id, a.key),
        }))
      : []
  return {
    locale: en ? 'en' : 'zh-CN',
    title: en ? d.title_en : d.title_zh,
    body: en ? d.body_en : d.body_zh,
    link: d.link,
    actions,
    chooseUrl:
      about && template && actions.length ? actionLink(template, signer, about, d.user_id, ANY_ACTION) : null,
  }
}

/** A link for somewhere outside the web app (an e-mail, a text): absolute when the public URL is known. */
export function absoluteUrl(pathOrUrl: string, publicUrl: string | undefined): string {
  return publicUrl ? new URL(pathOrUrl, publicUrl).toString() : pathOrUrl
}
