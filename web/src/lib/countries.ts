import type { Country } from '@server/reference/reference.schema.ts'
import { useEffect, useState } from 'react'
import { get } from './api.ts'
import { localized } from './i18n.ts'

let pending: Promise<Country[]> | undefined

/** The country list, fetched once per page load and shared by every screen that needs it. */
export function loadCountries(): Promise<Country[]> {
  pending ??= get<Country[]>('/api/v1/countries').catch((e: unknown) => {
    pending = undefined
    throw e
  })
  return pending
}

export function useCountries() {
  const [countries, setCountries] = useState<Country[]>([])
  useEffect(() => {
    let live = true
    loadCountries()
      .then((c) => live && setCountries(c))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  const byCode = new Map(countries.map((c) => [c.code, c]))
  const nameOf = (code: string) => {
    const c = byCode.get(code)
    return c ? localized(c.name) : code
  }
  return { countries, byCode, nameOf }
}

/** Options for a searchable country picker: abroad only (regions of China are not abroad). */
export function countryOptions(countries: Country[]) {
  return countries
    .filter((c) => !c.regionOfChina && c.code !== 'CN')
    .map((c) => ({
      value: c.code,
      label: `${localized(c.name)} (${c.code})`,
      search: `${c.name.en} ${c.name['zh-CN']} (${c.code})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label))
}
