import type { Mission } from '@server/reference/reference.schema.ts'
import { Alert, Button, Grid, Input, InputNumber, Segmented, Select, Space, Tag, Typography } from 'antd'
import type { Geometry } from 'geojson'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type LonLat, parseCapCircle, parseCapPolygon } from '../../alerts/cap.ts'
import { GeoMap } from '../../alerts/GeoMap.tsx'
import { MissionMarkers } from '../../alerts/missions.tsx'
import { localized } from '../../lib/i18n.ts'
import { DraftOverlay } from './AreaOverlay.tsx'
import type { AreaDraft } from './capBody.ts'
import { cityView, countryView, type useCountryIndex } from './places.ts'

type Mode = 'polygon' | 'circle' | 'countries'
type Index = ReturnType<typeof useCountryIndex>

/**
 * Where the alert applies, drawn on the map: polygons (click points, then the first point or
 * "close"), circles (click the centre, radius in km) or whole countries (click them or pick them).
 */
export function AreaDrawer(props: {
  value: AreaDraft
  onChange: (a: AreaDraft) => void
  pending: LonLat[]
  onPending: (p: LonLat[]) => void
  missions: Mission[]
  index: Index
  initialFit?: Geometry | null
  /** With nothing drawn yet, the map opens on this country (an officer's district). */
  startCountry?: string
  error?: string
  /** The kinds of shape offered (a crisis takes one polygon); all three by default. */
  modes?: readonly Mode[]
}) {
  const { t } = useTranslation()
  const { value, onChange, pending, onPending, index } = props
  // A phone's map is taller than wide, so that an area can be drawn with a finger.
  const narrow = Grid.useBreakpoint().md === false
  const [mode, setMode] = useState<Mode>('polygon')
  const [radius, setRadius] = useState(10)
  const [fit, setFit] = useState<{ key: string; target: Geometry | null }>({
    key: 'initial',
    target: props.initialFit ?? null,
  })
  const [paste, setPaste] = useState('')
  const [pasteError, setPasteError] = useState(false)
  const selected = useMemo(
    () => new Set(value.countries.map((c) => index.numericOf(c)).filter((n): n is string => !!n)),
    [value.countries, index],
  )

  const started = useRef(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, as soon as the country list has loaded
  useEffect(() => {
    const numeric = props.startCountry && index.numericOf(props.startCountry)
    if (started.current || props.initialFit || !numeric) return
    started.current = true
    void countryView(numeric).then((target) => target && setFit({ key: 'start', target }))
  }, [index])

  const close = () => {
    if (pending.length < 3) return
    onChange({ ...value, polygons: [...value.polygons, pending] })
    onPending([])
  }
  const toggleCountry = (code: string) =>
    onChange({
      ...value,
      countries: value.countries.includes(code)
        ? value.countries.filter((c) => c !== code)
        : [...value.countries, code],
    })
  const goTo = async (key: string) => {
    const [kind, id] = key.split(':') as [string, string]
    const mission = props.missions.find((m) => m.code === id)
    const target =
      kind === 'mission' && mission?.location
        ? cityView([mission.location.lon, mission.location.lat])
        : await countryView(index.numericOf(id) ?? '')
    if (target) setFit({ key, target })
  }
  const addPasted = () => {
    const ring = parseCapPolygon(paste)
    const circle = ring ? null : parseCapCircle(paste)
    if (ring && ring.length >= 3) onChange({ ...value, polygons: [...value.polygons, ring] })
    else if (circle) onChange({ ...value, circles: [...value.circles, circle] })
    else return setPasteError(true)
    setPaste('')
  }

  const goToOptions = [
    {
      label: t('alertsConsole.area.missions'),
      options: props.missions.map((m) => ({
        value: `mission:${m.code}`,
        label: `${localized(m.city)} · ${localized(m.name)}`,
      })),
    },
    {
      label: t('alertsConsole.area.countries'),
      options: index.countries
        .filter((c) => !c.regionOfChina && c.code !== 'CN')
        .map((c) => ({ value: `country:${c.code}`, label: `${localized(c.name)} (${c.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    },
  ]

  return (
    <div data-testid="area-drawer">
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={mode}
          onChange={(m) => {
            setMode(m as Mode)
            onPending([])
          }}
          data-testid="area-mode"
          options={(props.modes ?? (['polygon', 'circle', 'countries'] as const)).map((m) => ({
            value: m,
            label: <span data-testid={`area-mode-${m}`}>{t(`alertsConsole.area.mode.${m}`)}</span>,
          }))}
        />
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('alertsConsole.area.goTo')}
          style={{ width: 260 }}
          options={goToOptions}
          onChange={goTo}
          value={null}
          data-testid="map-goto"
        />
      </Space>
      <div className="area-tools">
        {mode === 'polygon' && (
          <Space wrap>
            <Typography.Text type="secondary">
              {pending.length
                ? t('alertsConsole.area.polygonPoints', { n: pending.length })
                : t('alertsConsole.area.polygonHint')}
            </Typography.Text>
            <Button
              size="small"
              type="primary"
              disabled={pending.length < 3}
              onClick={close}
              data-testid="area-close"
            >
              {t('alertsConsole.area.close')}
            </Button>
            <Button
              size="small"
              disabled={!pending.length}
              onClick={() => onPending(pending.slice(0, -1))}
              data-testid="area-undo"
            >
              {t('alertsConsole.area.undo')}
            </Button>
          </Space>
        )}
        {mode === 'circle' && (
          <Space wrap>
            <Typography.Text type="secondary">{t('alertsConsole.area.circleHint')}</Typography.Text>
            <InputNumber
              size="small"
              min={0}
              max={2000}
              value={radius}
              onChange={(r) => setRadius(r ?? 0)}
              suffix={t('alertsConsole.area.km')}
              style={{ width: 120 }}
              data-testid="area-radius"
            />
          </Space>
        )}
        {mode === 'countries' && (
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('alertsConsole.area.countriesHint')}
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={value.countries}
            onChange={(countries: string[]) => onChange({ ...value, countries })}
            options={goToOptions[1]?.options.map((o) => ({ ...o, value: o.value.slice(8) }))}
            data-testid="area-countries"
          />
        )}
      </div>
      <GeoMap
        detail="50m"
        interactive
        height={narrow ? 760 : 540}
        ariaLabel={t('alertsConsole.area.mapLabel')}
        testId="area-map"
        fit={fit.target}
        fitKey={fit.key}
        selected={selected}
        names={index.names}
        cursor={mode === 'countries' ? 'pointer' : 'crosshair'}
        onPick={(p, at, geo) => {
          if (mode === 'circle')
            onChange({ ...value, circles: [...value.circles, { center: p, radiusKm: radius }] })
          if (mode !== 'polygon') return
          const first = pending[0] && geo.project(pending[0])
          if (first && pending.length >= 3 && Math.hypot(first[0] - at[0], first[1] - at[1]) < 12 * geo.unit)
            close()
          else onPending([...pending, p])
        }}
        onCountry={
          mode === 'countries'
            ? (numeric) => {
                const code = index.codeOf.get(numeric)
                if (code) toggleCountry(code)
              }
            : undefined
        }
      >
        {(geo) => (
          <>
            <DraftOverlay geo={geo} area={value} pending={pending} />
            <MissionMarkers geo={geo} missions={props.missions} />
          </>
        )}
      </GeoMap>
      <Space wrap style={{ marginTop: 8 }} data-testid="area-shapes">
        {value.polygons.map((ring, i) => (
          <Tag
            // biome-ignore lint/suspicious/noArrayIndexKey: shapes have no id of their own
            key={`p${i}`}
            closable
            onClose={() => onChange({ ...value, polygons: value.polygons.filter((_, j) => j !== i) })}
            data-testid="shape-polygon"
          >
            {t('alertsConsole.area.polygonTag', { n: i + 1, points: ring.length })}
          </Tag>
        ))}
        {value.circles.map((c, i) => (
          <Tag
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            key={`c${i}`}
            closable
            onClose={() => onChange({ ...value, circles: value.circles.filter((_, j) => j !== i) })}
          >
            {t('alertsConsole.area.circleTag', { km: c.radiusKm })}
          </Tag>
        ))}
        {value.countries.map((c) => (
          <Tag key={c} closable onClose={() => toggleCountry(c)} color="red">
            {index.nameOf(c)}
          </Tag>
        ))}
        {(value.polygons.length > 0 || value.circles.length > 0 || value.countries.length > 0) && (
          <Button
            size="small"
            type="link"
            danger
            onClick={() => {
              onChange({ polygons: [], circles: [], countries: [] })
              onPending([])
            }}
            data-testid="area-clear"
          >
            {t('alertsConsole.area.clear')}
          </Button>
        )}
      </Space>
      <Space.Compact style={{ width: '100%', maxWidth: 560, marginTop: 8 }}>
        <Input
          size="small"
          value={paste}
          status={pasteError ? 'error' : undefined}
          placeholder={t('alertsConsole.area.pastePlaceholder')}
          onChange={(e) => {
            setPaste(e.target.value)
            setPasteError(false)
          }}
          onPressEnter={addPasted}
          data-testid="area-paste"
        />
        <Button size="small" onClick={addPasted} disabled={!paste.trim()}>
          {t('alertsConsole.area.pasteAdd')}
        </Button>
      </Space.Compact>
      {pasteError && <Typography.Text type="danger">{t('alertsConsole.area.pasteError')}</Typography.Text>}
      {props.error && (
        <Alert type="error" showIcon title={props.error} style={{ marginTop: 8 }} data-testid="area-error" />
      )}
    </div>
  )
}
