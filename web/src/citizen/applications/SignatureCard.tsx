import { Alert, Button, Space, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import SignaturePad from 'signature_pad'
import { postForm } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'

/** The nationality declaration in both languages, signed on the screen with a finger or mouse. */
export function SignatureCard({
  id,
  signed,
  signer,
  disabled,
  onSaved,
}: {
  id: string
  signed: boolean
  signer: 'applicant' | 'guardian'
  disabled: boolean
  onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const pad = useRef<SignaturePad>(null)
  const [error, setError] = useState<string>()
  useEffect(() => {
    const el = canvas.current
    if (!el) return
    const ratio = Math.max(window.devicePixelRatio || 1, 1)
    el.width = el.offsetWidth * ratio
    el.height = el.offsetHeight * ratio
    el.getContext('2d')?.scale(ratio, ratio)
    pad.current = new SignaturePad(el, { backgroundColor: '#fff' })
    if (disabled) pad.current.off()
    return () => pad.current?.off()
  }, [disabled])
  const save = async () => {
    setError(undefined)
    const p = pad.current
    if (!p || p.isEmpty()) return
    // Decoded here: the content security policy lets no fetch read a data: URL.
    const bytes = Uint8Array.from(atob(p.toDataURL('image/png').split(',')[1] ?? ''), (c) => c.charCodeAt(0))
    const blob = new Blob([bytes], { type: 'image/png' })
    const form = new FormData()
    form.append('file', blob, 'signature.png')
    try {
      await postForm(`/api/v1/me/applications/${id}/signature`, form)
      onSaved()
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  const other = i18n.language === 'en' ? 'zh-CN' : 'en'
  return (
    <div>
      <Typography.Paragraph>{t('applications.declaration')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('applications.declaration', { lng: other })}
      </Typography.Paragraph>
      <Alert
        type={signer === 'guardian' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid={`signer-${signer}`}
        message={t(signer === 'guardian' ? 'production.signer.guardian' : 'production.signer.self')}
      />
      {signed && (
        <Typography.Text type="success" data-testid="signed">
          ✓ {t('applications.signed')}
        </Typography.Text>
      )}
      {!disabled && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('applications.signHere')}
          </Typography.Text>
          <canvas ref={canvas} className="signature-canvas" data-testid="signature-canvas" />
          <Space>
            <Button onClick={() => pad.current?.clear()}>{t('applications.clear')}</Button>
            <Button type="primary" onClick={save} data-testid="save-signature">
              {t('applications.saveSignature')}
            </Button>
          </Space>
        </>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  )
}
