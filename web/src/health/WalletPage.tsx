import type { MyCertificate } from '@server/health/health.schema.ts'
import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get } from '../lib/api.ts'

const KEY = 'lingshi.wallet'

/** The QR drawn in the browser from the certificate's text: no network needed once the list is kept. */
function QrImage({ qr, label }: { qr: string; label: string }) {
  const [src, setSrc] = useState<string>()
  useEffect(() => {
    void QRCode.toDataURL(qr, { errorCorrectionLevel: 'Q', margin: 2, width: 320 }).then(setSrc)
  }, [qr])
  return src ? (
    <img
      src={src}
      alt={label}
      data-testid="wallet-qr"
      style={{ width: '100%', maxWidth: 320, imageRendering: 'pixelated' }}
    />
  ) : null
}

/** My health certificates, with their QR; kept in the browser so they open without a network. */
export function WalletPage() {
  const { t } = useTranslation()
  const [certs, setCerts] = useState<MyCertificate[] | null>(() => {
    try {
      return JSON.parse(localStorage.getItem(KEY) ?? 'null') as MyCertificate[] | null
    } catch {
      return null
    }
  })
  const [offline, setOffline] = useState(false)
  useEffect(() => {
    get<MyCertificate[]>('/api/v1/me/health/certificates')
      .then((list) => {
        setCerts(list)
        setOffline(false)
        localStorage.setItem(KEY, JSON.stringify(list))
      })
      .catch(() => setOffline(true))
  }, [])

  return (
    <div className="page narrow-page">
      <Typography.Title level={1}>{t('health.wallet.title')}</Typography.Title>
      <Link to="/me/health/sprout" data-testid="wallet-sprout">
        <Button type="primary" style={{ marginBottom: 12 }}>
          {t('health.sprout.title')}
        </Button>
      </Link>
      {offline && <Alert type="info" message={t('health.wallet.offline')} style={{ marginBottom: 12 }} />}
      {certs && certs.length === 0 && <Empty description={t('health.wallet.none')} />}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {certs?.map((c) => (
          <Card
            key={c.id}
            data-testid="wallet-certificate"
            title={
              <Space wrap>
                {t(`health.types.${c.type}`)}
                {c.revokedAt ? <Tag color="red">{t('health.wallet.revoked')}</Tag> : null}
              </Space>
            }
          >
            <div style={{ textAlign: 'center' }}>
              <QrImage qr={c.qr} label={t('health.wallet.qr')} />
            </div>
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t('health.wallet.issued')}: {c.issuedAt.slice(0, 10)} · {t('health.wallet.expires')}:{' '}
              {c.expiresAt.slice(0, 10)}
            </Typography.Paragraph>
            <Typography.Paragraph
              type="secondary"
              copyable={{ text: c.uvci }}
              style={{ wordBreak: 'break-all' }}
            >
              {c.uvci}
            </Typography.Paragraph>
            <Space wrap>
              <Button href={`/api/v1/me/health/certificates/${c.id}.png`} download data-testid="wallet-png">
                {t('health.wallet.png')}
              </Button>
              <Button href={`/api/v1/me/health/certificates/${c.id}.pdf`} data-testid="wallet-pdf">
                {t('health.wallet.pdf')}
              </Button>
            </Space>
          </Card>
        ))}
      </Space>
    </div>
  )
}
