import type { Geometry } from 'geojson'
import { AreaShape } from '../../alerts/AreaShape.tsx'
import type { Geo } from '../../alerts/GeoMap.tsx'
import { circleGeometry, type LonLat } from '../../alerts/geo.ts'
import type { AreaDraft } from './capBody.ts'

export function polygonGeometry(ring: LonLat[]): Geometry {
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as LonLat]] }
}

/** The drawn polygons and circles as one geometry (to fit the map to), or null. */
export function draftGeometry(area: AreaDraft): Geometry | null {
  const geometries = [
    ...area.polygons.map(polygonGeometry),
    ...area.circles.map((c) => circleGeometry(c.center, c.radiusKm)),
  ]
  return geometries.length ? { type: 'GeometryCollection', geometries } : null
}

/** The shapes drawn so far, and the polygon being drawn (its first point closes it). */
export function DraftOverlay({ geo, area, pending }: { geo: Geo; area: AreaDraft; pending: LonLat[] }) {
  const points = pending.map((p) => geo.project(p)).filter((p): p is [number, number] => !!p)
  return (
    <g data-testid="draft-overlay">
      {area.polygons.map((ring, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: shapes have no id; the list only grows or shrinks at the end
        <AreaShape key={`p${i}`} geometry={polygonGeometry(ring)} geo={geo} />
      ))}
      {area.circles.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        <AreaShape key={`c${i}`} geometry={circleGeometry(c.center, c.radiusKm)} geo={geo} color="#ad4e00" />
      ))}
      {points.length > 0 && (
        <g data-testid="pending-polygon">
          <polyline
            points={points.map((p) => p.join(',')).join(' ')}
            fill="rgba(183,28,28,0.08)"
            stroke="#b71c1c"
            strokeWidth={2 * geo.unit}
            strokeDasharray={`${6 * geo.unit} ${4 * geo.unit}`}
          />
          {points.map((p, i) => (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: vertices are only added or removed at the end
              key={i}
              cx={p[0]}
              cy={p[1]}
              r={(i === 0 ? 7 : 4) * geo.unit}
              fill={i === 0 ? '#fff' : '#b71c1c'}
              stroke="#b71c1c"
              strokeWidth={2 * geo.unit}
              data-testid={i === 0 ? 'first-vertex' : 'vertex'}
            />
          ))}
        </g>
      )}
    </g>
  )
}
