import { geoNaturalEarth1, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { useEffect, useMemo, useState } from 'react'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { NO_LEVEL_COLOR } from './levels.ts'

type Shape = Feature<Geometry, { name: string }> & { id?: string | number }

const WIDTH = 960
const HEIGHT = 500

let shapes: Promise<Shape[]> | undefined
function loadShapes(): Promise<Shape[]> {
  // The 110m atlas (~100 kB) is split into its own chunk so pages without the map stay light.
  shapes ??= import('world-atlas/countries-110m.json').then((m) => {
    const topo = m.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>
    // Antarctica has no advisory and would take a fifth of the map.
    return (fc.features as Shape[]).filter((f) => String(f.id) !== '010')
  })
  return shapes
}

export interface MapCountry {
  code: string
  numeric: string
  label: string
  color?: string
  /** Faded: it does not match the search; outlined: it does. */
  dimmed?: boolean
  matched?: boolean
}

/** A world map: each country filled with its colour, named on hover, and clickable. */
export function WorldMap({
  countries,
  onSelect,
  ariaLabel,
}: {
  countries: MapCountry[]
  onSelect: (code: string) => void
  ariaLabel: string
}) {
  const [features, setFeatures] = useState<Shape[]>()
  useEffect(() => {
    let live = true
    loadShapes().then((f) => live && setFeatures(f))
    return () => {
      live = false
    }
  }, [])
  const byNumeric = useMemo(() => new Map(countries.map((c) => [c.numeric, c])), [countries])
  const path = useMemo(() => {
    const projection = geoNaturalEarth1().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      { type: 'Sphere' },
    )
    return geoPath(projection)
  }, [])
  if (!features) return <div className="world-map placeholder" aria-busy="true" />
  return (
    <svg className="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={ariaLabel}>
      <path d={path({ type: 'Sphere' }) ?? ''} fill="#eef5fb" stroke="#c9d8e6" />
      {features.map((f) => {
        const c = byNumeric.get(String(f.id ?? ''))
        const d = path(f) ?? ''
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: the list below the map offers the same choice by keyboard
          <path
            key={String(f.id ?? f.properties.name)}
            d={d}
            fill={c?.color ?? NO_LEVEL_COLOR}
            stroke="#fff"
            strokeWidth={0.5}
            data-country={c?.code}
            className={c?.dimmed ? 'dimmed' : c?.matched ? 'matched' : undefined}
            style={{ cursor: c ? 'pointer' : 'default' }}
            onClick={c ? () => onSelect(c.code) : undefined}
          >
            <title>{c?.label ?? f.properties.name}</title>
          </path>
        )
      })}
    </svg>
  )
}
