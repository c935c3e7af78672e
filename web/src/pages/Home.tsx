import { ACCESS, allowedBy } from '@server/identity/role.ts'
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmergencyNumbers, HOTLINE, Tel } from '../citizen/EmergencyNumbers.tsx'
import { useTravellingTo } from '../citizen/useTravellingTo.ts'
import { useAuth } from '../lib/auth.tsx'
import { isStaff } from '../lib/types.ts'

/** What the platform offers; `available` turns true as each module lands. */
const SERVICES = [
  { key: 'registry', available: true, to: '/me/trips' },
  { key: 'advisories', available: true, to: '/advisories' },
  { key: 'alerts', available: true, to: '/me/alerts' },
  { key: 'help', available: true, to: '/me/help' },
  { key: 'services', available: true, to: '/me/applications' },
  { key: 'health', available: true, to: '/me/health' },
] as const satisfies ReadonlyArray<{ key: string; available: boolean; to?: string }>

export function Home() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const where = useTravellingTo(!!me?.roles.includes('citizen'))
  return (
    <div className="page">
      <Typography.Title level={2} data-testid="home-title" style={{ marginTop: 0 }}>
        {me ? t('home.welcome', { name: me.name }) : t('app.tagline')}
      </Typography.Title>
      <div className="hotline" data-testid="hotline">
        <div>{t('home.hotline')}</div>
        <div className="number">
          <Tel number={HOTLINE} label={t('home.hotlineNumbers')} testId="home-hotline-tel" />
        </div>
        <Typography.Text type="secondary">{t('home.emergency')}</Typography.Text>
      </div>
      {where && <EmergencyNumbers country={where} maxMissions={1} />}
      {!me && (
        <Space style={{ margin: '16px 0' }} wrap>
          <Link to="/register">
            <Button type="primary" size="large" data-testid="cta-register">
              {t('home.start')}
            </Button>
          </Link>
          <Link to="/login">
            <Button size="large">{t('nav.signIn')}</Button>
          </Link>
        </Space>
      )}
      {me && isStaff(me) && (
        <Space style={{ margin: '16px 0' }}>
          <Link to="/console">
            <Button type="primary">{t('nav.console')}</Button>
          </Link>
        </Space>
      )}
      <Typography.Title level={4}>{t('home.offers')}</Typography.Title>
      <Row gutter={[16, 16]} data-testid="services">
        {SERVICES.filter((s) => s.key !== 'help' || !me || allowedBy(ACCESS.citizens, me)).map((s) => (
          <Col xs={24} sm={12} lg={8} key={s.key}>
            <Card
              title={t(`home.services.${s.key}.title`)}
              extra={
                <Tag color={s.available ? 'green' : 'default'}>
                  {t(s.available ? 'home.available' : 'home.soon')}
                </Tag>
              }
              style={{ height: '100%' }}
            >
              {t(`home.services.${s.key}.text`)}
              {'to' in s && (
                <div style={{ marginTop: 8 }}>
                  <Link to={s.to} data-testid={`service-${s.key}`}>
                    {t(`home.services.${s.key}.open`)} →
                  </Link>
                </div>
              )}
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8}>
          <Card
            title={t('missions.title')}
            extra={<Tag color="green">{t('home.available')}</Tag>}
            style={{ height: '100%' }}
          >
            <Link to="/missions">{t('missions.search')} →</Link>
          </Card>
        </Col>
      </Row>
    </div>
  )
}
