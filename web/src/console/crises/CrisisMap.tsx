import type { assemblyPoint } from '@server/cases/crisis/crisis.schema.ts'
import type { Geometry } from 'geojson'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { AreaShape } from '../../alerts/AreaShape.tsx'
import type { LonLat } from '../../alerts/cap.ts'
import { GeoMap } from '../../alerts/GeoMap.tsx'

type AssemblyPoint = z.infer<typeof assemblyPoint>

/**
 * The crisis's area with its assembly points; a click places a new point (`picked`, shown hollow
 * until it is saved).
 */
export function CrisisMap(props: {
  area: Geometry
  points: AssemblyPoint[]
  picked: LonLat | null
  onPick?: (p: LonLat) => void
}) {
  const { t } = useTranslation()
  return (
    <GeoMap
      detail="50m"
      interactive
      height={360}
      ariaLabel={t('crises.area')}
      testId="crisis-map"
      fit={props.area}
      fitKey="crisis"
      fitMinKm={30}
      cursor={props.onPick ? 'crosshair' : undefined}
      onPick={props.onPick ? (p) => props.onPick?.(p) : undefined}
    >
      {(geo) => (
        <>
          <AreaShape geometry={props.area} geo={geo} />
          {props.points.map((p) => {
            const at = geo.project([p.lon, p.lat])
            if (!at) return null
            return (
              <g key={p.id} transform={`translate(${at[0]} ${at[1]})`} data-testid="assembly-point">
                <circle r={6 * geo.unit} fill="#389e0d" stroke="#fff" strokeWidth={2 * geo.unit} />
                <text
                  x={9 * geo.unit}
                  y={4 * geo.unit}
                  className="map-label"
                  fontSize={13 * geo.unit}
                  strokeWidth={3 * geo.unit}
                >
                  {p.name}
                </text>
              </g>
            )
          })}
          {props.picked &&
            (() => {
              const at = geo.project(props.picked)
              return at ? (
                <circle
                  cx={at[0]}
                  cy={at[1]}
                  r={6 * geo.unit}
                  fill="#fff"
                  stroke="#389e0d"
                  strokeWidth={2 * geo.unit}
                  data-testid="picked-point"
                />
              ) : null
            })()}
        </>
      )}
    </GeoMap>
  )
}
