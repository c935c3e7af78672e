import type { CheckName, Verdict } from '@server/health/dcc/dcc.verify.ts'
import { CHECKS } from '@server/health/dcc/dcc.verify.ts'
import { Alert, Button, Card, Input, Space, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { browserVerifier, type Lists } from './browser-verify.ts'
import { fetchLists, storedLists } from './lists.ts'
import { readQrFromFile, readQrFromVideo } from './scan.ts'

/** A check passed: every one is true, but `revoked`, which must be false. */
const passed = (name: CheckName, value: boolean | null) =>
  name === 'revoked' ? value === false : value === true

function VerdictCard({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation()
  const failed = CHECKS.filter((c) => verdict.checks[c] !== null && !passed(c, verdict.checks[c]))
  return (
    <div
      className={`verdict ${verdict.valid ? 'verdict-valid' : 'verdict-invalid'}`}
      data-testid="verdict"
      data-valid={String(verdict.valid)}
      style={{
        background: verdict.valid ? '#1b5e20' : '#b71c1c',
        color: '#fff',
        padding: 20,
        borderRadius: 8,
      }}
    >
      <div style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.2 }}>
        {verdict.valid ? `✓ ${t('health.verify.valid')}` : `✗ ${t('health.verify.invalid')}`}
      </div>
      {verdict.holder && (
        <div style={{ fontSize: 24, marginTop: 12 }} data-testid="verdict-holder">
          <div>
            {verdict.holder.fn} {verdict.holder.gn}
          </div>
          <div>
            {t('health.verify.dob')}: {verdict.holder.dob}
          </div>
        </div>
      )}
      {failed.length > 0 && (
        <ul style={{ fontSize: 18, marginTop: 12 }} data-testid="verdict-failed">
          {failed.map((c) => (
            <li key={c}>{t(`health.checks.${c}`)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * The public verifier: scan with the camera, open an image or paste the text. Once the trust list
 * and the revocation list are loaded (and kept in the browser) it works with no network at all.
 */
export function VerifyPage() {
  const { t } = useTranslation()
  const [lists, setLists] = useState<Lists | null>(() => storedLists())
  const [loadError, setLoadError] = useState(false)
  const [text, setText] = useState('')
  const [verdict, setVerdict] = useState<Verdict>()
  const [notFound, setNotFound] = useState(false)
  const [camera, setCamera] = useState(false)
  const video = useRef<HTMLVideoElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const verify = useMemo(() => (lists ? browserVerifier(lists) : null), [lists])

  async function refresh() {
    try {
      setLists(await fetchLists())
      setLoadError(false)
    } catch {
      setLoadError(true)
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on opening
  useEffect(() => {
    void refresh()
  }, [])

  async function check(qr: string) {
    setNotFound(false)
    if (!verify) return
    setVerdict(await verify(qr.trim()))
  }

  useEffect(() => {
    if (!camera) return
    let stream: MediaStream | undefined
    let timer: number | undefined
    let stopped = false
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } })
        if (stopped || !video.current) return
        video.current.srcObject = stream
        await video.current.play()
        timer = window.setInterval(async () => {
          if (!video.current || !canvas.current) return
          const qr = await readQrFromVideo(video.current, canvas.current)
          if (qr) {
            setCamera(false)
            setText(qr)
            await check(qr)
          }
        }, 300)
      } catch {
        setCamera(false)
      }
    })()
    return () => {
      stopped = true
      if (timer) clearInterval(timer)
      for (const track of stream?.getTracks() ?? []) track.stop()
    }
  })

  return (
    <div className="page narrow-page">
      <Typography.Title level={1}>{t('health.verify.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('health.verify.intro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small">
          <Space wrap>
            <span data-testid="verify-lists">
              {lists
                ? t('health.verify.lists', {
                    count: lists.trust.certificates.length,
                    revoked: lists.revocations.batches.reduce((n, b) => n + b.entries.length, 0),
                    at: new Date(lists.loadedAt).toLocaleString(),
                  })
                : t('health.verify.noLists')}
            </span>
            <Button size="small" onClick={refresh} data-testid="verify-refresh">
              {t('health.verify.refresh')}
            </Button>
          </Space>
          {loadError && (
            <Alert
              style={{ marginTop: 8 }}
              type={lists ? 'info' : 'error'}
              message={lists ? t('health.verify.offline') : t('health.verify.loadFailed')}
            />
          )}
        </Card>
        <Space wrap>
          <Button
            type="primary"
            onClick={() => setCamera(!camera)}
            data-testid="verify-camera"
            disabled={!verify}
          >
            {camera ? t('health.verify.stopCamera') : t('health.verify.camera')}
          </Button>
          <Button onClick={() => fileInput.current?.click()} disabled={!verify}>
            {t('health.verify.image')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            hidden
            data-testid="verify-image"
            disabled={!verify}
            onChange={async (e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (!file) return
              const qr = await readQrFromFile(file)
              if (!qr) {
                setVerdict(undefined)
                setNotFound(true)
                return
              }
              setText(qr)
              await check(qr)
            }}
          />
        </Space>
        {camera && (
          <video
            ref={video}
            muted
            playsInline
            style={{ width: '100%', maxHeight: 360, background: '#000' }}
          />
        )}
        <canvas ref={canvas} hidden />
        <Input.TextArea
          rows={3}
          value={text}
          placeholder="HC1:…"
          onChange={(e) => setText(e.target.value)}
          data-testid="verify-text"
        />
        <Button onClick={() => check(text)} disabled={!verify || !text.trim()} data-testid="verify-submit">
          {t('health.verify.check')}
        </Button>
        {notFound && <Alert type="warning" message={t('health.verify.noQr')} data-testid="verify-no-qr" />}
        {verdict && <VerdictCard verdict={verdict} />}
      </Space>
    </div>
  )
}
