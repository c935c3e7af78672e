import { Button, Modal, Tooltip, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>
}
type DetectorClass = new (options: { formats: string[] }) => Detector
const BarcodeDetector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector

/** Reads the booking's QR with the device camera (where the browser has a BarcodeDetector). */
export function ScanButton({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string>()
  const video = useRef<HTMLVideoElement>(null)
  const found = useRef(onCode)
  found.current = onCode

  useEffect(() => {
    if (!open || !BarcodeDetector) return
    let stream: MediaStream | undefined
    let stop = false
    const detector = new BarcodeDetector({ formats: ['qr_code'] })
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s
        if (!video.current) return
        video.current.srcObject = s
        await video.current.play()
        while (!stop && video.current) {
          const codes = await detector.detect(video.current).catch(() => [])
          const code = codes[0]?.rawValue
          if (code) {
            found.current(code.trim())
            setOpen(false)
            return
          }
          await new Promise((r) => setTimeout(r, 250))
        }
      })
      .catch(() => setError(t('appointments.console.noCamera')))
    return () => {
      stop = true
      for (const track of stream?.getTracks() ?? []) track.stop()
    }
  }, [open, t])

  if (!BarcodeDetector)
    return (
      <Tooltip title={t('appointments.console.noScanner')}>
        <Button disabled>{t('appointments.console.scan')}</Button>
      </Tooltip>
    )
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="scan-qr">
        {t('appointments.console.scan')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('appointments.console.scan')}>
        <video ref={video} style={{ width: '100%' }} muted playsInline>
          <track kind="captions" />
        </video>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Modal>
    </>
  )
}
