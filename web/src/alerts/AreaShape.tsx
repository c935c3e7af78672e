import type { Geometry } from 'geojson'
import { useMemo } from 'react'
import type { Geo } from './GeoMap.tsx'
import { forD3 } from './geo.ts'

/** An alert's area (any GeoJSON geometry from the API) drawn on a `GeoMap`. */
export function AreaShape({
  geometry,
  geo,
  color = '#b71c1c',
}: {
  geometry: Geometry
  geo: Geo
  color?: string
}) {
  const wound = useMemo(() => forD3(geometry), [geometry])
  return (
    <path
      d={geo.path(wound) ?? ''}
      fill={color}
      fillOpacity={0.18}
      stroke={color}
      strokeWidth={2 * geo.unit}
      strokeLinejoin="round"
      data-testid="area-shape"
    />
  )
}
