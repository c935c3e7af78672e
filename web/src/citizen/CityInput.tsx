import type { City } from '@server/reference/reference.schema.ts'
import { AutoComplete, Input } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get } from '../lib/api.ts'
import { localized } from '../lib/i18n.ts'

/**
 * The city of a trip destination: typed freely, or picked from the world cities data set
 * (GET /api/v1/cities, by the start of the name, in the destination's country), which places it.
 * `onPick` gets the city's id, or undefined once the text no longer names the picked city.
 */
export function CityInput({
  value,
  onChange,
  country,
  onPick,
  testId,
}: {
  value?: string
  onChange?: (v: string) => void
  country?: string
  onPick: (id: number | undefined) => void
  testId?: string
}) {
  const { t } = useTranslation()
  const [options, setOptions] = useState<City[]>([])
  const [unavailable, setUnavailable] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const search = (text: string) => {
    clearTimeout(timer.current)
    if (!country && !text.trim()) return setOptions([])
    timer.current = setTimeout(() => {
      const q = new URLSearchParams({ q: text.trim(), limit: '8', ...(country ? { country } : {}) })
      get<{ dataset: string | null; items: City[] }>(`/api/v1/cities?${q}`)
        .then((found) => {
          setUnavailable(found.dataset === null)
          setOptions(found.items)
        })
        .catch(() => setUnavailable(true))
    }, 200)
  }

  return (
    <AutoComplete
      value={value}
      options={options.map((c) => ({
        value: String(c.id),
        label: (
          <span data-testid={`city-option-${c.id}`}>
            {c.name} <small style={{ color: '#888' }}>{localized(c.countryName)}</small>
          </span>
        ),
      }))}
      onSearch={search}
      onFocus={() => search(value ?? '')}
      onSelect={(id: string) => {
        const city = options.find((c) => String(c.id) === id)
        if (!city) return
        onChange?.(city.name)
        onPick(city.id)
      }}
      onChange={(v: string) => {
        if (!options.some((c) => String(c.id) === v)) {
          onChange?.(v)
          onPick(undefined)
        }
      }}
      style={{ width: '100%' }}
    >
      <Input
        maxLength={120}
        placeholder={unavailable ? t('advice.city.unavailable') : t('advice.city.placeholder')}
        data-testid={testId}
      />
    </AutoComplete>
  )
}
