import jsQR from 'jsqr'

interface DetectedBarcode {
  rawValue: string
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>
}
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => BarcodeDetectorLike
  }
}

/** The browser's own QR reader where there is one (Chrome on Android, Safari…), else none. */
function nativeDetector(): BarcodeDetectorLike | null {
  return window.BarcodeDetector ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null
}

/** Reads a QR code from what a canvas holds: BarcodeDetector when present, jsQR otherwise. */
export async function readQr(canvas: HTMLCanvasElement): Promise<string | null> {
  const native = nativeDetector()
  if (native) {
    try {
      const found = await native.detect(canvas)
      if (found[0]?.rawValue) return found[0].rawValue
    } catch {
      // Fall through to jsQR.
    }
  }
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) return null
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height)
  return jsQR(image.data, image.width, image.height)?.data ?? null
}

/** A QR code in an image file (a photo or a screenshot). */
export async function readQrFromFile(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file)
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
  return readQr(canvas)
}

/** Grabs a video frame into a canvas and reads it. */
export function readQrFromVideo(video: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<string | null> {
  if (!video.videoWidth) return Promise.resolve(null)
  canvas.width = video.videoWidth
  canvas.height = video.videoHeight
  canvas.getContext('2d')?.drawImage(video, 0, 0)
  return readQr(canvas)
}
