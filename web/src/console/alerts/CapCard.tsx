import { Card, Descriptions, Tabs, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { currentLocale } from '../../lib/i18n.ts'
import type { AlertDetail } from './alert.ts'
import { infoIn, LANGS } from './capBody.ts'
import { StatusTag, when } from './StatusTag.tsx'

const TEXTS = ['headline', 'description', 'instruction'] as const

/** The alert as CAP: its codes, its texts in each language, and the messages of its thread. */
export function CapCard({ alert, countries }: { alert: AlertDetail; countries: string }) {
  const { t } = useTranslation()
  const info = alert.cap.info?.[0]
  const senderName = infoIn(alert.cap, currentLocale())?.senderName
  const list = (prefix: string, values: string[] | undefined) =>
    values?.length ? values.map((v) => t(`${prefix}.${v}`, { defaultValue: v })).join(', ') : '—'
  return (
    <Card size="small" title={t('alertsConsole.detail.cap')} data-testid="cap-card">
      <Tabs
        size="small"
        defaultActiveKey={currentLocale()}
        items={LANGS.map((lang) => {
          const i = infoIn(alert.cap, lang)
          return {
            key: lang,
            label: t(`alertsConsole.lang.${lang}`),
            children: (
              <div data-testid={`cap-text-${lang}`}>
                {TEXTS.map((f) =>
                  i?.[f] ? (
                    <div key={f}>
                      <Typography.Text type="secondary">{t(`alertsConsole.text.${f}`)}</Typography.Text>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} strong={f === 'headline'}>
                        {i[f]}
                      </Typography.Paragraph>
                    </div>
                  ) : null,
                )}
                <Typography.Text type="secondary">{t('alertsConsole.text.areaDesc')}</Typography.Text>
                <Typography.Paragraph>
                  {i?.area?.map((a) => a.areaDesc).join('; ') || '—'}
                </Typography.Paragraph>
              </div>
            ),
          }
        })}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('alertsConsole.detail.event')}>
          {alert.titles[currentLocale()].event}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.codes.category')}>
          {list('alertsConsole.category', info?.category)}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.codes.urgency')}>
          {list('alertsConsole.urgency', info ? [info.urgency] : [])}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.codes.certainty')}>
          {list('alertsConsole.certainty', info ? [info.certainty] : [])}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.codes.responseType')}>
          {list('alertsConsole.response', info?.responseType)}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.detail.effective')}>
          {when(alert.effectiveAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.codes.expires')}>
          {alert.expiresAt ? when(alert.expiresAt) : t('alertsConsole.detail.noExpiry')}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.list.countries')}>{countries || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.compose.safetyCheck')}>
          {alert.safetyCheck ? t('alertsConsole.detail.yes') : t('alertsConsole.detail.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.detail.sender')}>
          {senderName ? `${senderName} · ` : ''}
          <Typography.Text code>{alert.sender}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.detail.identifier')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {alert.identifier}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.detail.capStatus')}>
          {alert.capStatus} · {alert.msgType} · {alert.scope}
        </Descriptions.Item>
        <Descriptions.Item label={t('alertsConsole.list.origin')}>
          {t(`alertsConsole.origin.${alert.origin}`, { defaultValue: alert.origin })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

export function ThreadCard({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation()
  if (alert.thread.length < 2) return null
  return (
    <Card size="small" title={t('alertsConsole.detail.thread')} data-testid="thread">
      <Timeline
        items={alert.thread.map((m) => ({
          key: m.id,
          color: m.msgType === 'Cancel' ? 'gray' : m.msgType === 'Update' ? 'blue' : 'red',
          content: (
            <div>
              <Tag>{t(`alertsConsole.msgType.${m.msgType}`, { defaultValue: m.msgType })}</Tag>
              {m.id === alert.id ? (
                <strong>{m.headline}</strong>
              ) : (
                <Link to={`/console/alerts/${m.id}`}>{m.headline}</Link>
              )}{' '}
              <StatusTag status={m.status} />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {when(m.sent)}
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  )
}
