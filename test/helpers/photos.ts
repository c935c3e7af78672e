import sharp from 'sharp'

export interface PhotoOptions {
  readonly width?: number
  readonly height?: number
  readonly background?: string
  readonly face?: string
  readonly format?: 'jpeg' | 'png' | 'webp'
  readonly grey?: boolean
}

/**
 * A passport-like photo drawn for tests: a plain background, a head and shoulders in the middle.
 * 420 × 560 JPEG on white by default, which passes every blocking check.
 */
export async function makePhoto(options: PhotoOptions = {}): Promise<Buffer> {
  const width = options.width ?? 420
  const height = options.height ?? 560
  const face = options.face ?? '#d9a27a'
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${options.background ?? '#ffffff'}"/>
    <ellipse cx="${width / 2}" cy="${height * 0.42}" rx="${width * 0.24}" ry="${height * 0.24}" fill="${face}"/>
    <ellipse cx="${width / 2}" cy="${height * 1.02}" rx="${width * 0.45}" ry="${height * 0.3}" fill="#223355"/>
    <circle cx="${width * 0.42}" cy="${height * 0.4}" r="${width * 0.02}" fill="#222"/>
    <circle cx="${width * 0.58}" cy="${height * 0.4}" r="${width * 0.02}" fill="#222"/>
  </svg>`
  // A camera's grain: flat colours would compress below any mission's minimum size.
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  let seed = 7
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + ((seed >> 16) % 7) - 3))
  }
  let image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
  if (options.grey) image = image.grayscale()
  const format = options.format ?? 'jpeg'
  return format === 'png'
    ? image.png().toBuffer()
    : format === 'webp'
      ? image.webp().toBuffer()
      : image.jpeg({ quality: 92 }).toBuffer()
}

/** A small PNG "signature": dark strokes on white. */
export async function makeSignature(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="150">
    <rect width="100%" height="100%" fill="#fff"/>
    <path d="M20 100 C 80 20, 140 140, 200 60 S 320 120, 380 40" stroke="#000" stroke-width="4" fill="none"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
