import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAuth } from '../lib/auth.tsx'
import { localized } from '../lib/i18n.ts'
import { BUILT, type Section } from './nav.ts'

export function Overview({ sections }: { sections: Section[] }) {
  const { t } = useTranslation()
  const { me } = useAuth()
  if (!me) return null
  const global = me.roles.includes('duty_officer') || me.roles.includes('admin')
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="console-title">
        {t('console.overview')}
      </Typography.Title>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('console.roles')}>
          <span data-testid="console-roles">
            {me.roles.map((r) => (
              <Tag key={r}>{t(`roles.${r}`)}</Tag>
            ))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('console.missions')}>
          {me.missions.length > 0
            ? me.missions.map((m) => <Tag key={m.code}>{localized(m.name)}</Tag>)
            : global
              ? t('console.allMissions')
              : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        {sections.map((s) => (
          <Col xs={24} sm={12} lg={8} key={s}>
            <Link to={`/console/${s}`}>
              <Card hoverable size="small" title={t(`console.nav.${s}`)}>
                <Tag color={BUILT.has(s) ? 'green' : 'default'}>
                  {t(BUILT.has(s) ? 'home.available' : 'home.soon')}
                </Tag>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  )
}
