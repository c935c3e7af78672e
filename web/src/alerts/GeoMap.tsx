import { Button, Tooltip } from 'antd'
import { type GeoPath, geoCentroid, geoMercator, geoPath } from 'd3-geo'
import type { Geometry } from 'geojson'
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Detail, forD3, type LonLat, loadWorld, type WorldShape } from './geo.ts'

export const MAP_WIDTH = 960
/** The whole inhabited world, for the first view. */
const WORLD: Geometry = {
  type: 'MultiPoint',
  coordinates: [
    [-180, -56],
    [180, 75],
  ],
}
/** Closest zoom: about 15 km across the map. */
const MAX_SCALE = (MAP_WIDTH * 6371) / 15
/** Map-wide scale that shows `km` across the map. */
const scaleFor = (km: number) => (MAP_WIDTH * 6371) / km
const MIN_SCALE = MAP_WIDTH / (2 * Math.PI) / 1.2

interface View {
  s: number
  tx: number
  ty: number
}

export interface Geo {
  path: GeoPath
  project: (p: LonLat) => [number, number] | null
  /** Pixels (in map units) per degree of longitude, to size markers and cells. */
  pxPerDegree: number
  /** Map units per screen pixel: text and markers keep their size on a phone. */
  unit: number
}

function fitView(geometry: Geometry, height: number, padding: number, minKm: number): View {
  const target = forD3(geometry)
  const pad = Math.max(12, height * padding)
  const most = scaleFor(minKm)
  const p = geoMercator().fitExtent(
    [
      [pad, pad],
      [MAP_WIDTH - pad, height - pad],
    ],
    target,
  )
  const s = p.scale()
  if (Number.isFinite(s) && s <= most) return { s, tx: p.translate()[0], ty: p.translate()[1] }
  const [cx, cy] = geoMercator().scale(most).translate([0, 0])(geoCentroid(target)) ?? [0, 0]
  return { s: most, tx: MAP_WIDTH / 2 - cx, ty: height / 2 - cy }
}

/**
 * A Mercator map of the world's countries drawn with d3-geo (no tile server: the consular network
 * may be offline). Optional zoom (wheel, buttons) and pan (drag); a click that does not move
 * reports the point to `onPick` and the country under it to `onCountry`. Overlays are drawn by
 * `children` with the current projection.
 */
export function GeoMap(props: {
  detail: Detail
  ariaLabel: string
  height?: number
  fit?: Geometry | null
  /** Changing it fits the map to `fit` again. */
  fitKey?: string
  /** Room around the fitted area, as a share of the map's height. */
  fitPadding?: number
  /** The closest a fit zooms, in km across the map: small areas are shown with their surroundings. */
  fitMinKm?: number
  interactive?: boolean
  selected?: ReadonlySet<string>
  names?: ReadonlyMap<string, string>
  onPick?: (p: LonLat, at: [number, number], geo: Geo) => void
  onCountry?: (numeric: string) => void
  children?: (geo: Geo) => ReactNode
  testId?: string
  cursor?: string
}) {
  const { t } = useTranslation()
  const height = props.height ?? 540
  const [shapes, setShapes] = useState<WorldShape[]>()
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    loadWorld(props.detail)
      .then((s) => live && setShapes(s))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [props.detail])

  const fitKey = props.fitKey ?? ''
  const fitTarget = props.fit ?? WORLD
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitKey says when the target changed; the object itself is new on every render
  const fitted = useMemo(
    () => fitView(fitTarget, height, props.fitPadding ?? 0.05, props.fitMinKm ?? 60),
    [fitKey, height, props.fitPadding, props.fitMinKm],
  )
  const [zoomed, setZoomed] = useState<{ key: string; view: View }>()
  const view = zoomed?.key === fitKey ? zoomed.view : fitted
  const current = useRef({ view, fitKey })
  current.current = { view, fitKey }
  const setView = useCallback((v: View) => setZoomed({ key: current.current.fitKey, view: v }), [])

  const svgRef = useRef<SVGSVGElement>(null)
  const [unit, setUnit] = useState(1)
  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const measure = () => {
      const width = svg.getBoundingClientRect().width
      if (width) setUnit(Math.max(1, MAP_WIDTH / width))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(svg)
    return () => observer.disconnect()
  }, [])

  const geo = useMemo<Geo>(() => {
    const projection = geoMercator()
      .scale(view.s)
      .translate([view.tx, view.ty])
      .clipExtent([
        [0, 0],
        [MAP_WIDTH, height],
      ])
    return {
      path: geoPath(projection).pointRadius(6 * unit),
      project: (p) => projection(p),
      pxPerDegree: (view.s * Math.PI) / 180,
      unit,
    }
  }, [view, height, unit])

  const toMap = useCallback(
    (e: { clientX: number; clientY: number }): [number, number] => {
      const r = svgRef.current?.getBoundingClientRect()
      if (!r?.width) return [0, 0]
      return [((e.clientX - r.left) * MAP_WIDTH) / r.width, ((e.clientY - r.top) * height) / r.height]
    },
    [height],
  )
  const zoomAt = useCallback(
    (at: [number, number], factor: number) => {
      const v = current.current.view
      const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.s * factor))
      const k = s / v.s
      setView({ s, tx: at[0] - k * (at[0] - v.tx), ty: at[1] - k * (at[1] - v.ty) })
    },
    [setView],
  )

  const interactive = !!props.interactive
  useEffect(() => {
    const svg = svgRef.current
    if (!svg || !interactive) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      zoomAt(toMap(e), Math.exp(-e.deltaY * 0.002))
    }
    svg.addEventListener('wheel', onWheel, { passive: false })
    return () => svg.removeEventListener('wheel', onWheel)
  }, [interactive, zoomAt, toMap])

  const drag = useRef<{ start: [number, number]; moved: boolean; numeric: string | null }>(null)
  const [offset, setOffset] = useState<[number, number] | null>(null)
  const [hover, setHover] = useState<LonLat | null>(null)
  const clickable = interactive || !!props.onPick || !!props.onCountry

  const countries = useMemo(
    () =>
      shapes?.map((f) => {
        const numeric = String(f.id ?? '')
        const on = props.selected?.has(numeric)
        return (
          <path
            key={numeric || f.properties.name}
            d={geo.path(f) ?? ''}
            data-numeric={numeric}
            fill={on ? '#f5b5ae' : '#f3f0e8'}
            stroke={on ? '#b71c1c' : '#bcb6a6'}
            strokeWidth={on ? 1 : 0.5}
          >
            <title>{props.names?.get(numeric) ?? f.properties.name}</title>
          </path>
        )
      }),
    [shapes, geo, props.selected, props.names],
  )

  return (
    <div className="geo-map">
      <svg
        ref={svgRef}
        viewBox={`0 0 ${MAP_WIDTH} ${height}`}
        role="img"
        aria-label={props.ariaLabel}
        data-testid={props.testId}
        data-scale={Math.round(view.s)}
        data-ready={shapes ? 'true' : undefined}
        style={{ touchAction: interactive ? 'none' : undefined, cursor: props.cursor }}
        onPointerDown={(e) => {
          if (!clickable || e.button !== 0) return
          e.currentTarget.setPointerCapture(e.pointerId)
          const hit = (e.target as Element).closest('[data-numeric]')
          drag.current = { start: toMap(e), moved: false, numeric: hit?.getAttribute('data-numeric') ?? null }
        }}
        onPointerMove={(e) => {
          const at = toMap(e)
          if (interactive)
            setHover(geoMercator().scale(view.s).translate([view.tx, view.ty]).invert?.(at) ?? null)
          const d = drag.current
          if (!d) return
          const delta: [number, number] = [at[0] - d.start[0], at[1] - d.start[1]]
          if (Math.hypot(...delta) > 4) d.moved = true
          if (d.moved && interactive) setOffset(delta)
        }}
        onPointerUp={(e) => {
          const d = drag.current
          drag.current = null
          if (!d) return
          const at = toMap(e)
          if (d.moved) {
            setOffset(null)
            if (interactive)
              setView({ s: view.s, tx: view.tx + at[0] - d.start[0], ty: view.ty + at[1] - d.start[1] })
            return
          }
          const p = geoMercator().scale(view.s).translate([view.tx, view.ty]).invert?.(at)
          if (p && props.onPick) props.onPick([p[0], p[1]], at, geo)
          if (d.numeric && props.onCountry) props.onCountry(d.numeric)
        }}
        onPointerLeave={() => setHover(null)}
        onPointerCancel={() => {
          drag.current = null
          setOffset(null)
        }}
      >
        <rect width={MAP_WIDTH} height={height} fill="#d8e7f2" />
        <g transform={offset ? `translate(${offset[0]} ${offset[1]})` : undefined}>
          {countries}
          <g pointerEvents="none">{props.children?.(geo)}</g>
        </g>
      </svg>
      {interactive && (
        <div className="geo-map-controls">
          <Tooltip title={t('alerts.map.zoomIn')} placement="left">
            <Button
              size="small"
              aria-label={t('alerts.map.zoomIn')}
              data-testid="map-zoom-in"
              onClick={() => zoomAt([MAP_WIDTH / 2, height / 2], 2)}
            >
              +
            </Button>
          </Tooltip>
          <Tooltip title={t('alerts.map.zoomOut')} placement="left">
            <Button
              size="small"
              aria-label={t('alerts.map.zoomOut')}
              data-testid="map-zoom-out"
              onClick={() => zoomAt([MAP_WIDTH / 2, height / 2], 0.5)}
            >
              −
            </Button>
          </Tooltip>
          <Tooltip title={t('alerts.map.refit')} placement="left">
            <Button
              size="small"
              aria-label={t('alerts.map.refit')}
              data-testid="map-refit"
              onClick={() => setZoomed(undefined)}
            >
              ⤢
            </Button>
          </Tooltip>
        </div>
      )}
      {interactive && hover && (
        <div className="geo-map-coords" data-testid="map-coords">
          {hover[1].toFixed(3)}, {hover[0].toFixed(3)}
        </div>
      )}
      {!shapes && (
        <div className="geo-map-note">{failed ? t('alerts.map.failed') : t('alerts.map.loading')}</div>
      )}
    </div>
  )
}
