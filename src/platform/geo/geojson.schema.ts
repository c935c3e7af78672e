import { z } from 'zod'

/** GeoJSON positions are [lon, lat] (RFC 7946); CAP's "lat,lon" is converted before it gets here. */
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])

const ring = z
  .array(position)
  .min(4)
  .max(20_000)
  .refine((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1], {
    message: 'every ring must end where it starts',
  })

const rings = z.array(ring).min(1).max(100)

export const polygon = z.strictObject({ type: z.literal('Polygon'), coordinates: rings })

export const multiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(rings).min(1).max(100),
})

export const polygonal = z.discriminatedUnion('type', [polygon, multiPolygon])

export type Polygonal = z.infer<typeof polygonal>
