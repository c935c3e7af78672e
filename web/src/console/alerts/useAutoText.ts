import type { Mission } from '@server/reference/reference.schema.ts'
import type { FormInstance } from 'antd'
import { useCallback, useEffect, useRef } from 'react'
import i18n from '../../lib/i18n.ts'
import { type AreaDraft, type ComposerValues, LANGS, type Lang, type TextFields } from './capBody.ts'
import { nearestCity, type useCountryIndex } from './places.ts'
import { type EventType, TEMPLATES, templateTexts } from './templates.ts'

const TEMPLATED = ['headline', 'description', 'instruction'] as const

/**
 * Texts that write themselves until the officer does: the area's name follows what is drawn
 * (the countries picked, or the nearest mission city), and a template's texts follow the area's
 * name, as long as they have not been edited by hand.
 */
export function useAutoText(
  form: FormInstance<ComposerValues>,
  area: AreaDraft,
  missions: Mission[],
  index: ReturnType<typeof useCountryIndex>,
) {
  const autoDesc = useRef<Record<Lang, string>>({ 'zh-CN': '', en: '' })
  const applied = useRef<{ type: EventType; places: Record<Lang, string> } | null>(null)
  const text = (lang: Lang) => (form.getFieldValue(['text', lang]) as TextFields | undefined) ?? null
  const places = useCallback(
    () =>
      Object.fromEntries(
        LANGS.map((l) => [l, (form.getFieldValue(['text', l, 'areaDesc']) as string | undefined) ?? '']),
      ) as Record<Lang, string>,
    [form],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` and `places` only read the form
  useEffect(() => {
    const city = nearestCity(area, missions)
    for (const lang of LANGS) {
      const suggestion = area.countries.length
        ? area.countries.map((c) => index.nameIn(c, lang)).join(lang === 'zh-CN' ? '、' : ', ')
        : city
          ? i18n.getFixedT(lang)('alertsConsole.compose.nearCity', { city: city.city[lang] })
          : ''
      const current = text(lang)?.areaDesc ?? ''
      if (current.trim() && current !== autoDesc.current[lang]) continue
      autoDesc.current[lang] = suggestion
      form.setFieldValue(['text', lang, 'areaDesc'], suggestion)
    }
    const tpl = applied.current
    if (!tpl) return
    const before = templateTexts(tpl.type, tpl.places)
    const now = places()
    const after = templateTexts(tpl.type, now)
    for (const lang of LANGS) {
      const current = text(lang)
      if (current && TEMPLATED.every((f) => current[f] === before[lang][f]))
        for (const f of TEMPLATED) form.setFieldValue(['text', lang, f], after[lang][f])
    }
    applied.current = { type: tpl.type, places: now }
  }, [area, missions, index, form])

  return (type: EventType) => {
    const meta = TEMPLATES[type]
    const now = places()
    applied.current = { type, places: now }
    form.setFieldsValue({
      category: meta.category,
      responseType: meta.responseType,
      urgency: meta.urgency,
      severity: meta.severity,
      certainty: meta.certainty,
      expiresIn: meta.hours,
      text: templateTexts(type, now),
    })
  }
}
