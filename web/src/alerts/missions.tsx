import type { Mission } from '@server/reference/reference.schema.ts'
import { useEffect, useState } from 'react'
import { get } from '../lib/api.ts'
import { localized } from '../lib/i18n.ts'
import type { Geo } from './GeoMap.tsx'

let missions: Promise<Mission[]> | undefined

/** Missions with a location: the map's landmarks (there are no tiles to show where a city is). */
export function useMissions(): Mission[] {
  const [list, setList] = useState<Mission[]>([])
  useEffect(() => {
    let live = true
    missions ??= get<Mission[]>('/api/v1/missions').catch(() => {
      missions = undefined
      return []
    })
    missions.then((m) => live && setList(m.filter((x) => x.location)))
    return () => {
      live = false
    }
  }, [])
  return list
}

/** Mission cities as dots, named once the map is zoomed in enough for the names not to pile up. */
export function MissionMarkers({ geo, missions }: { geo: Geo; missions: Mission[] }) {
  const named = geo.pxPerDegree / geo.unit >= 10
  const u = geo.unit
  return (
    <g data-testid="mission-markers">
      {missions.map((m) => {
        const at = m.location && geo.project([m.location.lon, m.location.lat])
        if (!at) return null
        return (
          <g key={m.code} data-mission={m.code} transform={`translate(${at[0]} ${at[1]})`}>
            <circle r={(named ? 5 : 3) * u} fill="#1d39c4" stroke="#fff" strokeWidth={1.5 * u} />
            {named && (
              <text x={8 * u} y={4 * u} className="map-label" fontSize={13 * u} strokeWidth={3 * u}>
                {localized(m.city)}
              </text>
            )}
          </g>
        )
      })}
    </g>
  )
}
