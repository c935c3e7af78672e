import type { createAlertBody } from '@server/alerts/alert.schema.ts'
import type { CapAlert, CapInfo, CapReference } from '@server/alerts/cap/cap.model.ts'
import type { z } from 'zod'
import { type LonLat, parseCapCircle, parseCapPolygon, toCapCircle, toCapPolygon } from '../../alerts/cap.ts'

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]

export const TEXT_FIELDS = ['event', 'headline', 'description', 'instruction', 'areaDesc'] as const
export type TextFields = Record<(typeof TEXT_FIELDS)[number], string>

export interface Circle {
  center: LonLat
  radiusKm: number
}

/** What the composer's map holds: closed polygons, circles and whole countries (ISO alpha-2). */
export interface AreaDraft {
  polygons: LonLat[][]
  circles: Circle[]
  countries: string[]
}

export const EMPTY_AREA: AreaDraft = { polygons: [], circles: [], countries: [] }
export const isEmptyArea = (a: AreaDraft) => !a.polygons.length && !a.circles.length && !a.countries.length

/** The CAP codes an alert carries, as the API's CAP model names them. */
export type CapCodes = Pick<CapInfo, 'category' | 'responseType' | 'urgency' | 'severity' | 'certainty'>

export interface ComposerValues extends CapCodes {
  type?: string
  /** Hours from now; 0 means the `expiresAt` field (a datetime-local value). */
  expiresIn: number
  expiresAt?: string
  safetyCheck: boolean
  text: Record<Lang, TextFields>
}

export const EMPTY_TEXT: TextFields = {
  event: '',
  headline: '',
  description: '',
  instruction: '',
  areaDesc: '',
}

/** CAP wants an offset; `toISOString` gives "Z". */
export const capTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00')

export function expiryOf(v: Pick<ComposerValues, 'expiresIn' | 'expiresAt'>, now = Date.now()): Date | null {
  if (v.expiresIn > 0) return new Date(now + v.expiresIn * 3_600_000)
  const at = v.expiresAt ? new Date(v.expiresAt) : null
  return at && !Number.isNaN(at.getTime()) ? at : null
}

const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined)

/** What `POST /api/v1/alerts` takes: the bodies below are checked against it when compiled. */
type AlertBody = z.input<typeof createAlertBody>

/** The `POST /api/v1/alerts` body: one info block per language, the same area in each. */
export function capBody(
  v: ComposerValues,
  area: AreaDraft,
  options: { msgType: 'Alert' | 'Update'; references: CapReference[]; senderName: Record<Lang, string> },
) {
  const expires = expiryOf(v)
  return {
    status: 'Actual',
    msgType: options.msgType,
    scope: 'Public',
    references: options.references,
    safetyCheck: v.safetyCheck,
    info: LANGS.map((lang) => {
      const text = v.text[lang]
      return {
        language: lang,
        category: v.category,
        event: text.event.trim(),
        responseType: v.responseType,
        urgency: v.urgency,
        severity: v.severity,
        certainty: v.certainty,
        expires: expires ? capTime(expires) : undefined,
        senderName: optional(options.senderName[lang]),
        headline: optional(text.headline),
        description: optional(text.description),
        instruction: optional(text.instruction),
        area: [
          {
            areaDesc: text.areaDesc.trim(),
            polygon: area.polygons.map(toCapPolygon),
            circle: area.circles.map((c) => toCapCircle(c.center, c.radiusKm)),
            geocode: area.countries.map((value) => ({ valueName: 'ISO 3166-1 alpha-2', value })),
          },
        ],
      }
    }),
  } satisfies AlertBody
}

/** A Cancel of a sent alert: its texts, areas and codes, so it reaches and names the same place. */
export function cancelBody(cap: CapAlert, ref: CapReference, text: Record<Lang, string>) {
  return {
    status: 'Actual',
    msgType: 'Cancel',
    scope: cap.scope,
    references: [ref],
    safetyCheck: false,
    info: (cap.info ?? []).map((info) => {
      const lang: Lang = info.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
      const { instruction: _, ...rest } = info
      return { ...rest, responseType: ['AllClear'], description: text[lang] }
    }),
  } satisfies AlertBody
}

export function infoIn(cap: CapAlert, lang: Lang): CapInfo | undefined {
  const prefix = lang === 'zh-CN' ? 'zh' : 'en'
  return cap.info?.find((i) => i.language.toLowerCase().startsWith(prefix)) ?? cap.info?.[0]
}

function toLocalInput(iso: string): string {
  const d = new Date(iso)
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** An alert back into the composer: for an update of it, or a new draft from it. */
export function fromCap(cap: CapAlert): { values: ComposerValues; area: AreaDraft } {
  const first = cap.info?.[0]
  const text = {} as Record<Lang, TextFields>
  for (const lang of LANGS) {
    const i = infoIn(cap, lang)
    text[lang] = {
      event: i?.event ?? '',
      headline: i?.headline ?? '',
      description: i?.description ?? '',
      instruction: i?.instruction ?? '',
      areaDesc: [...new Set(i?.area?.map((a) => a.areaDesc) ?? [])].join('; '),
    }
  }
  const areas = first?.area ?? []
  const area: AreaDraft = {
    polygons: areas
      .flatMap((a) => a.polygon ?? [])
      .map(parseCapPolygon)
      .filter((r): r is LonLat[] => !!r),
    circles: areas
      .flatMap((a) => a.circle ?? [])
      .map(parseCapCircle)
      .filter((c): c is Circle => !!c),
    countries: [
      ...new Set(
        areas
          .flatMap((a) => a.geocode ?? [])
          .filter((g) => /iso[\s_-]*3166/i.test(g.valueName) && /^[A-Za-z]{2}$/.test(g.value.trim()))
          .map((g) => g.value.trim().toUpperCase()),
      ),
    ],
  }
  const future = first?.expires && new Date(first.expires).getTime() > Date.now()
  return {
    values: {
      category: first?.category ?? ['Safety'],
      responseType: first?.responseType ?? [],
      urgency: first?.urgency ?? 'Immediate',
      severity: first?.severity ?? 'Moderate',
      certainty: first?.certainty ?? 'Observed',
      expiresIn: future ? 0 : 24,
      expiresAt: future && first?.expires ? toLocalInput(first.expires) : undefined,
      safetyCheck: true,
      text,
    },
    area,
  }
}
