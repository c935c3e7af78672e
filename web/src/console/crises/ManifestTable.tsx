import { PERSON_STATUSES } from '@server/cases/crisis/crisis.enums.ts'
import type { assemblyPoint, leg, PersonStatus } from '@server/cases/crisis/crisis.schema.ts'
import type { ManifestPerson } from '@server/cases/crisis/crisis-manifest.schema.ts'
import { App, Select, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import { post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'

type AssemblyPoint = z.infer<typeof assemblyPoint>
type Leg = z.infer<typeof leg>

const ANSWER_COLOR: Record<string, string> = { safe: 'green', need_help: 'red', not_in_area: 'default' }

const STATUS_COLOR: Record<PersonStatus, string> = {
  unaccounted: 'default',
  safe: 'green',
  needs_help: 'red',
  wants_to_leave: 'orange',
  checked_in: 'blue',
  boarded: 'geekblue',
  left_area: 'cyan',
}

/** The people of a crisis, each with a status staff can set (a point for check-in, a leg for boarding). */
export function ManifestTable({
  crisisId,
  people,
  points,
  legs,
  onChanged,
}: {
  crisisId: string
  people: ManifestPerson[]
  points: AssemblyPoint[]
  legs: Leg[]
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const set = async (p: ManifestPerson, value: string) => {
    const [status, id] = value.split(':') as [PersonStatus, string | undefined]
    try {
      await post(`/api/v1/crises/${crisisId}/people/${p.id}`, {
        status,
        ...(status === 'checked_in' ? { assemblyPointId: id } : {}),
        ...(status === 'boarded' ? { legId: id } : {}),
      })
      onChanged()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  const options = PERSON_STATUSES.flatMap((s) => {
    if (s === 'checked_in')
      return points.map((pt) => ({
        value: `checked_in:${pt.id}`,
        label: `${t('crises.status.checked_in')} · ${pt.name}`,
      }))
    if (s === 'boarded')
      return legs.map((l) => ({
        value: `boarded:${l.id}`,
        label: `${t('crises.status.boarded')} · ${l.name} (${l.boarded}/${l.capacity})`,
      }))
    return [{ value: s, label: t(`crises.status.${s}`) }]
  })
  return (
    <Table<ManifestPerson>
      rowKey="id"
      size="small"
      data-testid="manifest-table"
      dataSource={people}
      scroll={{ x: 820 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        {
          title: t('hotline.name'),
          key: 'name',
          fixed: 'left',
          render: (_, p) => (
            <Link to={`/console/people/${p.id}`} data-testid={`manifest-person-${p.id}`}>
              {[p.nameLatin, p.nameZh].filter(Boolean).join(' · ') || p.name}
            </Link>
          ),
        },
        { title: t('hotline.phone'), dataIndex: 'phone' },
        { title: t('crises.dependants'), dataIndex: 'dependants', width: 90 },
        {
          title: t('crises.where'),
          key: 'where',
          render: (_, p) =>
            p.where
              ? `${t(`hotline.source.${p.where.source}`)} ${p.where.lat.toFixed(3)}, ${p.where.lon.toFixed(3)}`
              : '—',
        },
        {
          title: t('crises.answer'),
          dataIndex: 'answer',
          render: (a: string | null) =>
            a ? (
              <Tag color={ANSWER_COLOR[a]} data-testid="manifest-answer">
                {t(`crises.answers.${a}`)}
              </Tag>
            ) : (
              '—'
            ),
        },
        {
          title: t('crises.statusLabel'),
          dataIndex: 'status',
          render: (s: PersonStatus) => <Tag color={STATUS_COLOR[s]}>{t(`crises.status.${s}`)}</Tag>,
        },
        {
          title: t('crises.setStatus'),
          key: 'set',
          render: (_, p) => (
            <Select
              size="small"
              style={{ width: 200 }}
              placeholder={t('crises.setStatus')}
              options={options}
              onChange={(v: string) => set(p, v)}
              data-testid={`set-status-${p.id}`}
            />
          ),
        },
      ]}
    />
  )
}
