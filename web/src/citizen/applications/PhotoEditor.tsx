import { Button, Slider, Space, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import Cropper, { type Area } from 'react-easy-crop'
import { useTranslation } from 'react-i18next'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('not an image'))
    img.src = src
  })
}

/**
 * The chosen part of the photo, turned as asked, at the source's own resolution (never enlarged:
 * a photo too small stays too small, and the server says so).
 */
async function cropped(src: string, area: Area, rotation: number): Promise<Blob> {
  const image = await loadImage(src)
  const rad = (rotation * Math.PI) / 180
  const w = Math.round(Math.abs(Math.cos(rad) * image.width) + Math.abs(Math.sin(rad) * image.height))
  const h = Math.round(Math.abs(Math.sin(rad) * image.width) + Math.abs(Math.cos(rad) * image.height))
  const turned = document.createElement('canvas')
  turned.width = w
  turned.height = h
  const tc = turned.getContext('2d')
  if (!tc) throw new Error('no canvas')
  tc.fillStyle = '#fff'
  tc.fillRect(0, 0, w, h)
  tc.translate(w / 2, h / 2)
  tc.rotate(rad)
  tc.drawImage(image, -image.width / 2, -image.height / 2)
  const out = document.createElement('canvas')
  out.width = Math.round(area.width)
  out.height = Math.round(area.height)
  out
    .getContext('2d')
    ?.drawImage(turned, area.x, area.y, area.width, area.height, 0, 0, out.width, out.height)
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('no JPEG'))), 'image/jpeg', 0.92),
  )
}

/** Frame the photo at 3:4: drag, zoom and turn it before it is uploaded; untouched, the file goes as it is. */
export function PhotoEditor({
  file,
  onUse,
  onCancel,
}: {
  file: File
  onUse: (file: File | Blob) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [src, setSrc] = useState<string>()
  const [crop, setCrop] = useState({ x: 0, y: 0 })
  const [zoom, setZoom] = useState(1)
  const [rotation, setRotation] = useState(0)
  const [area, setArea] = useState<Area>()
  const [moved, setMoved] = useState(false)
  useEffect(() => {
    const url = URL.createObjectURL(file)
    setSrc(url)
    return () => URL.revokeObjectURL(url)
  }, [file])
  const onComplete = useCallback((_: Area, pixels: Area) => setArea(pixels), [])
  const use = async () => {
    if (!src || !area || (!moved && rotation === 0 && zoom === 1)) return onUse(file)
    onUse(await cropped(src, area, rotation).catch(() => file))
  }
  return (
    <div data-testid="photo-editor">
      <Typography.Paragraph type="secondary">{t('production.photo.crop')}</Typography.Paragraph>
      <div style={{ position: 'relative', width: '100%', maxWidth: 360, height: 360, background: '#333' }}>
        {src && (
          <Cropper
            image={src}
            crop={crop}
            zoom={zoom}
            rotation={rotation}
            aspect={3 / 4}
            onCropChange={(c) => {
              setCrop(c)
              if (c.x !== 0 || c.y !== 0) setMoved(true)
            }}
            onZoomChange={setZoom}
            onRotationChange={setRotation}
            onCropComplete={onComplete}
          />
        )}
      </div>
      <div style={{ maxWidth: 360, marginTop: 8 }}>
        <Typography.Text type="secondary">{t('production.photo.zoom')}</Typography.Text>
        <Slider min={1} max={3} step={0.05} value={zoom} onChange={setZoom} />
      </div>
      <Space wrap>
        <Button onClick={() => setRotation((r) => (r + 270) % 360)} data-testid="photo-rotate-left">
          ⟲ {t('production.photo.rotateLeft')}
        </Button>
        <Button onClick={() => setRotation((r) => (r + 90) % 360)} data-testid="photo-rotate-right">
          ⟳ {t('production.photo.rotateRight')}
        </Button>
        <Button type="primary" onClick={() => void use()} data-testid="photo-use">
          {t('production.photo.use')}
        </Button>
        <Button onClick={onCancel}>{t('applications.back')}</Button>
      </Space>
    </div>
  )
}
