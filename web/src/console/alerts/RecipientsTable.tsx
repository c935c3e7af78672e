import { Button, Card, Radio, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AnswerTag } from '../../alerts/labels.tsx'
import { get } from '../../lib/api.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { RECIPIENT_FILTERS, type Recipient, type RecipientFilter } from './alert.ts'
import { when } from './StatusTag.tsx'

const PAGE = 20

/**
 * Who the alert reached, by answer: the unanswered list the hotline calls through, one page at a
 * time (each read is audited, so it is loaded on demand, never polled), and the whole list as CSV.
 */
export function RecipientsTable(props: { alertId: string; nameOf: (code: string) => string }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<RecipientFilter>('unanswered')
  const [pages, setPages] = useState<string[]>([])
  const after = pages.at(-1)
  const url = `/api/v1/alerts/${props.alertId}/recipients?answer=${filter}&limit=${PAGE}${after ? `&after=${after}` : ''}`
  const { data, error, loading, reload } = useLoad(
    () => get<{ items: Recipient[]; next: string | null }>(url),
    url,
  )
  return (
    <Card
      size="small"
      title={t('alertsConsole.recipients.title')}
      data-testid="recipients"
      extra={
        <Space wrap>
          <Button size="small" onClick={reload} data-testid="recipients-refresh">
            {t('alertsConsole.recipients.refresh')}
          </Button>
          <a
            href={`/api/v1/alerts/${props.alertId}/recipients.csv?answer=${filter}`}
            download
            data-testid="recipients-csv"
          >
            {t('alertsConsole.recipients.csv')}
          </a>
        </Space>
      }
    >
      <Radio.Group
        optionType="button"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value as RecipientFilter)
          setPages([])
        }}
        options={RECIPIENT_FILTERS.map((f) => ({
          value: f,
          label: t(`alertsConsole.recipients.filter.${f}`),
        }))}
        style={{ marginBottom: 12 }}
        data-testid="recipients-filter"
      />
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          rowKey="userId"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="recipients-table"
          locale={{ emptyText: t(`alertsConsole.recipients.empty.${filter}`) }}
          columns={[
            { title: t('alertsConsole.recipients.name'), dataIndex: 'name' },
            {
              title: t('alertsConsole.recipients.phone'),
              dataIndex: 'phone',
              render: (p: string | null) => (p ? <a href={`tel:${p}`}>{p}</a> : '—'),
            },
            {
              title: t('alertsConsole.recipients.where'),
              render: (_, r) => (
                <span>
                  {r.country ? props.nameOf(r.country) : '—'}
                  {r.place && (
                    <Typography.Text type="secondary">
                      {' '}
                      · {t(`alertsConsole.recipients.place.${r.place}`, { defaultValue: r.place })}
                    </Typography.Text>
                  )}
                  {r.lat !== null && r.lon !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      ({r.lat.toFixed(3)}, {r.lon.toFixed(3)})
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('alertsConsole.recipients.inArea'),
              render: (_, r) =>
                r.inArea ? (
                  <Tag color="red">{t('alertsConsole.recipients.yes')}</Tag>
                ) : (
                  <Tag>{t('alertsConsole.recipients.subscriber')}</Tag>
                ),
            },
            {
              title: t('alertsConsole.recipients.answer'),
              render: (_, r) => (
                <Space size={2} orientation="vertical">
                  <AnswerTag answer={r.answer} />
                  {r.answeredAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(r.answeredAt)}
                    </Typography.Text>
                  )}
                  {r.contactId && <Tag color="volcano">{t('alertsConsole.recipients.helpOpened')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 12 }}>
        <Button size="small" disabled={!pages.length} onClick={() => setPages(pages.slice(0, -1))}>
          {t('alertsConsole.recipients.previous')}
        </Button>
        <Button
          size="small"
          disabled={!data?.next}
          onClick={() => data?.next && setPages([...pages, data.next])}
          data-testid="recipients-next"
        >
          {t('alertsConsole.recipients.next')}
        </Button>
      </Space>
    </Card>
  )
}
