import type { XmlElement } from 'libxml2-wasm'
import { childElements, childText } from '../../../platform/xml/dom.ts'
import type { CapAlertDraft } from './cap.rules.ts'

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'

type Draft = CapAlertDraft
type DraftInfo = NonNullable<Draft['info']>[number]
type DraftArea = NonNullable<DraftInfo['area']>[number]
type DraftResource = NonNullable<DraftInfo['resource']>[number]

/** Empty elements (`<note/>`, as Environment Canada sends) mean "absent". */
const present = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s)

const text = (el: XmlElement, name: string) => present(childText(el, CAP_NAMESPACE, name))

/** Typed by the schema already, so a number here always parses. */
const decimal = (el: XmlElement, name: string) => {
  const t = text(el, name)
  return t === undefined ? undefined : Number(t)
}

const texts = (el: XmlElement, name: string) =>
  childElements(el, CAP_NAMESPACE, name)
    .map((e) => e.content)
    .filter((t) => t.trim() !== '')

const children = (el: XmlElement, name: string) => childElements(el, CAP_NAMESPACE, name)

const namedValues = (el: XmlElement, name: string) =>
  children(el, name).map((e) => ({ valueName: text(e, 'valueName') ?? '', value: text(e, 'value') ?? '' }))

/** Values the XSD restricts to an enumeration; the schema has checked them. */
function enumText<T extends string>(el: XmlElement, name: string): T {
  return (text(el, name) ?? '') as T
}

function mapArea(el: XmlElement): DraftArea {
  return {
    areaDesc: text(el, 'areaDesc') ?? '',
    polygon: texts(el, 'polygon'),
    circle: texts(el, 'circle'),
    geocode: namedValues(el, 'geocode'),
    altitude: decimal(el, 'altitude'),
    ceiling: decimal(el, 'ceiling'),
  }
}

function mapResource(el: XmlElement): DraftResource {
  return {
    resourceDesc: text(el, 'resourceDesc') ?? '',
    mimeType: text(el, 'mimeType') ?? '',
    size: decimal(el, 'size'),
    uri: text(el, 'uri'),
    derefUri: text(el, 'derefUri'),
    digest: text(el, 'digest'),
  }
}

function mapInfo(el: XmlElement): DraftInfo {
  return {
    language: text(el, 'language'),
    category: texts(el, 'category') as DraftInfo['category'],
    event: text(el, 'event') ?? '',
    responseType: texts(el, 'responseType') as DraftInfo['responseType'],
    urgency: enumText(el, 'urgency'),
    severity: enumText(el, 'severity'),
    certainty: enumText(el, 'certainty'),
    audience: text(el, 'audience'),
    eventCode: namedValues(el, 'eventCode'),
    effective: text(el, 'effective'),
    onset: text(el, 'onset'),
    expires: text(el, 'expires'),
    senderName: text(el, 'senderName'),
    headline: text(el, 'headline'),
    description: text(el, 'description'),
    instruction: text(el, 'instruction'),
    web: text(el, 'web'),
    contact: text(el, 'contact'),
    parameter: namedValues(el, 'parameter'),
    resource: children(el, 'resource').map(mapResource),
    area: children(el, 'area').map(mapArea),
  }
}

/**
 * A schema-valid `<alert>` as the JSON model's input. Only CAP elements are read: an XML
 * signature (`ds:Signature`, the schema's one extension point) is left out, not verified.
 */
export function mapCapAlert(root: XmlElement): Draft {
  return {
    identifier: text(root, 'identifier') ?? '',
    sender: text(root, 'sender') ?? '',
    sent: text(root, 'sent') ?? '',
    status: enumText(root, 'status'),
    msgType: enumText(root, 'msgType'),
    source: text(root, 'source'),
    scope: enumText(root, 'scope'),
    restriction: text(root, 'restriction'),
    addresses: text(root, 'addresses'),
    code: texts(root, 'code'),
    note: text(root, 'note'),
    // Kept even when empty: an Update or Cancel must name what it updates (cap.rules).
    references: childText(root, CAP_NAMESPACE, 'references'),
    incidents: text(root, 'incidents'),
    info: children(root, 'info').map(mapInfo),
  }
}
