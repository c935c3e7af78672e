import { readFileSync } from 'node:fs'
import { z } from 'zod'

const DATA_FILE = new URL('./data/emergency-numbers.json', import.meta.url)

const number = z
  .string()
  .regex(/^[0-9]{2,6}$/)
  .nullable()
const dataFile = z.strictObject({
  sources: z.record(z.string(), z.strictObject({ 'zh-CN': z.string(), en: z.string() })),
  compiled: z.string(),
  note: z.string(),
  countries: z.record(
    z.string().regex(/^[A-Z]{2}$/),
    z.strictObject({
      police: number,
      ambulance: number,
      fire: number,
      sources: z.array(z.string()).optional(),
    }),
  ),
})

export interface EmergencyNumbers {
  police: string | null
  ambulance: string | null
  fire: string | null
  /** The named public source(s) the numbers come from, with the date they were compiled. */
  source: string
  /** The same in both languages, for the pages. */
  sourceName: { 'zh-CN': string; en: string }
}

let byCountry: Map<string, EmergencyNumbers> | undefined

/** The committed data set (src/modules/reference/data/emergency-numbers.json), checked once per process. */
function numbers(): Map<string, EmergencyNumbers> {
  if (byCountry) return byCountry
  const data = dataFile.parse(JSON.parse(readFileSync(DATA_FILE, 'utf8')))
  byCountry = new Map(
    Object.entries(data.countries).map(([code, e]) => {
      const names = (e.sources ?? ['wikipedia']).map((s) => {
        const name = data.sources[s]
        if (!name) throw new Error(`emergency-numbers.json: ${code} names an unknown source ${s}`)
        return name
      })
      const source = `${names.map((n) => n.en).join('; ')} — compiled ${data.compiled}`
      const zh = `${names.map((n) => n['zh-CN']).join('；')}，${data.compiled} 整理`
      const sourceName = { 'zh-CN': zh, en: source }
      return [code, { police: e.police, ambulance: e.ambulance, fire: e.fire, source, sourceName }]
    }),
  )
  return byCountry
}

/** Local police, ambulance and fire numbers of a country; null for a country not in the data set. */
export function emergencyNumbersOf(code: string): EmergencyNumbers | null {
  return numbers().get(code) ?? null
}
