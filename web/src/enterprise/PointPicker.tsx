import type { Geometry } from 'geojson'
import { GeoMap } from '../alerts/GeoMap.tsx'

/** A map to click the site's point on (the inputs beside it take typed coordinates too). */
export function PointPicker({
  lat,
  lon,
  onPick,
  label,
}: {
  lat: number | undefined
  lon: number | undefined
  onPick: (lat: number, lon: number) => void
  label: string
}) {
  const has = typeof lat === 'number' && typeof lon === 'number'
  const fit: Geometry | null = has ? { type: 'Point', coordinates: [lon, lat] } : null
  return (
    <GeoMap
      detail="50m"
      interactive
      height={320}
      ariaLabel={label}
      testId="site-map"
      fit={fit}
      fitKey={has ? 'point' : 'world'}
      fitMinKm={1500}
      cursor="crosshair"
      onPick={(p) => onPick(Math.round(p[1] * 1e5) / 1e5, Math.round(p[0] * 1e5) / 1e5)}
    >
      {(geo) => {
        if (!has) return null
        const at = geo.project([lon, lat])
        if (!at) return null
        return (
          <circle
            cx={at[0]}
            cy={at[1]}
            r={7 * geo.unit}
            fill="#b71c1c"
            stroke="#fff"
            strokeWidth={2 * geo.unit}
            data-testid="site-marker"
          />
        )
      }}
    </GeoMap>
  )
}
