import { CONSOLE_PATHS } from '@server/console/console.paths.ts'
import { Grid, List, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Localized } from '../../lib/i18n.ts'
import { localized } from '../../lib/i18n.ts'
import type { Person, Place } from '../../lib/inline-shapes.ts'

const placeKey = (p: Place) => `${p.source}:${p.country}:${p.lat ?? ''},${p.lon ?? ''}`

function Places({ places, names }: { places: Place[]; names: Map<string, Localized> }) {
  const { t } = useTranslation()
  const unique = [...new Map(places.map((p) => [placeKey(p), p])).values()]
  if (unique.length === 0) return <>—</>
  return (
    <Space wrap size={4}>
      {unique.map((p) => {
        const name = names.get(p.country)
        return (
          <Tooltip
            key={placeKey(p)}
            title={p.lat === null ? undefined : `${p.lat.toFixed(4)}, ${p.lon?.toFixed(4)}`}
          >
            <Tag style={{ marginInlineEnd: 0 }}>
              {t(`peopleConsole.source.${p.source}`)} · {name ? localized(name) : p.country}
            </Tag>
          </Tooltip>
        )
      })}
    </Space>
  )
}

type Props = { people: Person[]; loading: boolean; names: Map<string, Localized> }

/** On a phone each person is a short card instead of a row to scroll sideways through. */
function PeopleCards(props: Props) {
  const { t } = useTranslation()
  return (
    <List
      data-testid="people-table"
      loading={props.loading}
      dataSource={props.people}
      locale={{ emptyText: t('peopleConsole.results.empty') }}
      pagination={props.people.length > 20 ? { pageSize: 20, simple: true } : false}
      renderItem={(p) => (
        <List.Item key={p.id}>
          <div style={{ width: '100%' }}>
            <Link to={CONSOLE_PATHS.personRecord(p.id)} data-testid="person-record-link">
              <Typography.Text strong>{p.nameLatin ?? p.name}</Typography.Text> {p.nameZh}
            </Link>
            <div>
              <Typography.Text type="secondary">
                {t('peopleConsole.card', { passport: p.passportNumber ?? '—', phone: p.phone ?? '—' })}
              </Typography.Text>
            </div>
            {p.email && <Typography.Text type="secondary">{p.email}</Typography.Text>}
            <div style={{ marginTop: 4 }}>
              <Places places={p.places} names={props.names} />
            </div>
          </div>
        </List.Item>
      )}
    />
  )
}

export function PeopleTable(props: Props) {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  if (screens.md === false) return <PeopleCards {...props} />
  return (
    <Table
      data-testid="people-table"
      rowKey="id"
      size="small"
      loading={props.loading}
      dataSource={props.people}
      pagination={{ defaultPageSize: 20, showSizeChanger: false, simple: true, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('peopleConsole.results.empty') }}
      columns={[
        {
          title: t('peopleConsole.columns.nameLatin'),
          render: (_, p) => (
            <span>
              <Link to={CONSOLE_PATHS.personRecord(p.id)} data-testid="person-record-link">
                {p.nameLatin ?? p.name}
              </Link>
              {p.email && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.email}
                  </Typography.Text>
                </div>
              )}
            </span>
          ),
        },
        {
          title: t('peopleConsole.columns.nameZh'),
          dataIndex: 'nameZh',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('peopleConsole.columns.passport'),
          dataIndex: 'passportNumber',
          render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
        },
        {
          title: t('peopleConsole.columns.phone'),
          dataIndex: 'phone',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('peopleConsole.columns.where'),
          render: (_, p) => <Places places={p.places} names={props.names} />,
        },
      ]}
    />
  )
}
