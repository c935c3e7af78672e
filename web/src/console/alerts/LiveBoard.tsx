import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Geo } from '../../alerts/GeoMap.tsx'
import { ANSWER_COLOR } from '../../alerts/labels.tsx'
import { errorMessage } from '../../lib/errors.ts'
import type { AlertStats, MapCell } from './alert.ts'
import type { Live } from './useLive.ts'

const PARTS = [
  { key: 'safe', color: ANSWER_COLOR.safe },
  { key: 'need_help', color: ANSWER_COLOR.need_help },
  { key: 'not_in_area', color: ANSWER_COLOR.not_in_area },
  { key: 'unanswered', color: ANSWER_COLOR.unanswered },
] as const

function counts(s: AlertStats): Record<(typeof PARTS)[number]['key'], number> {
  return { ...s.answers, unanswered: s.unanswered }
}

/** Reached, delivered and the answers as big numbers, and the answers as one bar. */
export function LiveNumbers({ live, safetyCheck }: { live: Live; safetyCheck: boolean }) {
  const { t } = useTranslation()
  const s = live.stats
  const c = s ? counts(s) : null
  const total = s?.recipients ?? 0
  return (
    <Card
      size="small"
      data-testid="live-board"
      title={t('alertsConsole.board.title')}
      extra={
        <Typography.Text type={live.error ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {live.error
            ? errorMessage(live.error, t)
            : live.updatedAt
              ? t('alertsConsole.board.updated', { at: live.updatedAt.toLocaleTimeString() })
              : t('common.loading')}
        </Typography.Text>
      }
    >
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Statistic title={t('alertsConsole.board.reached')} value={total} data-testid="board-reached" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            title={t('alertsConsole.board.delivered')}
            value={s?.delivered ?? 0}
            suffix={
              s?.failed ? (
                <Typography.Text type="danger">
                  / {t('alertsConsole.board.failed', { n: s.failed })}
                </Typography.Text>
              ) : undefined
            }
            data-testid="board-delivered"
          />
        </Col>
        {safetyCheck &&
          PARTS.map((p) => (
            <Col xs={12} md={8} xl={4} key={p.key}>
              <Statistic
                title={t(`alertsConsole.board.${p.key}`)}
                value={c?.[p.key] ?? 0}
                styles={{ content: { color: p.color } }}
                data-testid={`board-${p.key}`}
              />
            </Col>
          ))}
      </Row>
      {safetyCheck && c && total > 0 && (
        <div
          className="answer-bar"
          data-testid="answer-bar"
          role="img"
          aria-label={t('alertsConsole.board.bar')}
        >
          {PARTS.map((p) =>
            c[p.key] ? (
              <Tooltip key={p.key} title={`${t(`alertsConsole.board.${p.key}`)}: ${c[p.key]}`}>
                <span style={{ width: `${(100 * c[p.key]) / total}%`, background: p.color }} />
              </Tooltip>
            ) : null,
          )}
        </div>
      )}
      {safetyCheck && c && total > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }} data-testid="answered-share">
          {t('alertsConsole.board.answeredShare', {
            n: total - c.unanswered,
            total,
            pct: Math.round((100 * (total - c.unanswered)) / total),
          })}
        </Typography.Paragraph>
      )}
      {!safetyCheck && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('alertsConsole.board.noSafetyCheck')}
        </Typography.Paragraph>
      )}
    </Card>
  )
}

function cellColor(c: MapCell): string {
  if (c.needHelp) return ANSWER_COLOR.need_help
  if (c.unanswered) return ANSWER_COLOR.unanswered
  if (c.safe) return ANSWER_COLOR.safe
  return ANSWER_COLOR.not_in_area
}

/** The recipients with a known point on a ~5 km grid, coloured by the most urgent answer in each cell. */
export function AnswerCells({ geo, cells }: { geo: Geo; cells: MapCell[] }) {
  const { t } = useTranslation()
  const size = Math.max(8 * geo.unit, geo.pxPerDegree * 0.05)
  return (
    <g data-testid="answer-cells">
      {cells.map((c) => {
        const at = geo.project([c.lon, c.lat])
        if (!at) return null
        return (
          <rect
            key={`${c.lon},${c.lat}`}
            x={at[0] - size / 2}
            y={at[1] - size / 2}
            width={size}
            height={size}
            rx={2}
            fill={cellColor(c)}
            fillOpacity={0.8}
            stroke="#fff"
            data-testid="answer-cell"
          >
            <title>
              {t('alertsConsole.board.cell', {
                total: c.total,
                safe: c.safe,
                needHelp: c.needHelp,
                notInArea: c.notInArea,
                unanswered: c.unanswered,
              })}
            </title>
          </rect>
        )
      })}
    </g>
  )
}

export function CellLegend() {
  const { t } = useTranslation()
  return (
    <div className="legend">
      {(['need_help', 'unanswered', 'safe', 'not_in_area'] as const).map((k) => (
        <span key={k} style={{ marginRight: 12, whiteSpace: 'nowrap' }}>
          <span className="swatch" style={{ background: ANSWER_COLOR[k] }} /> {t(`alertsConsole.board.${k}`)}
        </span>
      ))}
    </div>
  )
}
