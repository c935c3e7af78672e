import sharp, { type Metadata } from 'sharp'
import type { PhotoCheckCode } from './applications.enums.ts'
import type { PhotoCheck } from './applications.table.ts'
import { checkFace } from './face.checks.ts'

/** The blocking rules of a passport photo (ICAO 9303 part 3 and the Chinese passport's 33 × 48 mm). */
export const PHOTO_RULES = {
  minWidth: 354,
  minHeight: 472,
  /** width : height */
  aspect: 3 / 4,
  aspectTolerance: 0.02,
  /** Share of the border that must be plain white or light blue. */
  backgroundShare: 0.9,
  minLuminance: 60,
  maxLuminance: 220,
  /** Mean channel spread in the face region below which a photo is taken as black and white. */
  minColourSpread: 6,
} as const

export interface PhotoLimits {
  readonly minBytes: number
  readonly maxBytes: number
}

const check = (code: PhotoCheckCode, passed: boolean, blocking = true): PhotoCheck => ({
  code,
  passed,
  blocking,
})

/** White or light blue: bright, with blue never below the others by much, red never above blue. */
function lightBackground(r: number, g: number, b: number): boolean {
  const bright = Math.min(r, g, b) >= 170
  const white = bright && Math.max(r, g, b) - Math.min(r, g, b) <= 30
  const lightBlue = b >= 200 && g >= 170 && r >= 140 && b >= r + 10 && b >= g
  return white || lightBlue
}

/**
 * The blocking checks of a photo, the same ones the app shows before upload: file type, bytes,
 * dimensions, aspect, background at the borders, exposure and colour of the central face region.
 * A file sharp cannot read fails `format` and nothing else is judged.
 */
export async function checkPhoto(bytes: Buffer, limits: PhotoLimits): Promise<PhotoCheck[]> {
  const sizeOk = bytes.length >= limits.minBytes && bytes.length <= limits.maxBytes
  let meta: Metadata
  try {
    meta = await sharp(bytes).metadata()
  } catch {
    return [check('format', false), check('bytes', sizeOk)]
  }
  if (meta.format !== 'jpeg' && meta.format !== 'png') return [check('format', false), check('bytes', sizeOk)]
  // Orientation as the camera recorded it: a portrait shot stored sideways is judged upright.
  const image = sharp(bytes).rotate()
  const { data, info } = await image
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  const { width, height, channels } = info
  const checks = [
    check('format', true),
    check('bytes', sizeOk),
    check('dimensions', width >= PHOTO_RULES.minWidth && height >= PHOTO_RULES.minHeight),
    check('aspect', Math.abs(width / height / PHOTO_RULES.aspect - 1) <= PHOTO_RULES.aspectTolerance),
  ]
  const px = (x: number, y: number) => {
    const i = (y * width + x) * channels
    return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0] as const
  }
  // Border: a frame 4% wide on the left, right and top (the shoulders reach the bottom edge).
  const band = Math.max(1, Math.round(width * 0.04))
  let border = 0
  let light = 0
  const step = Math.max(1, Math.floor(Math.min(width, height) / 200))
  for (let y = 0; y < height; y += step)
    for (let x = 0; x < width; x += step) {
      const inBorder = x < band || x >= width - band || y < band
      if (!inBorder || y > height * 0.6) continue
      border++
      const [r, g, b] = px(x, y)
      if (lightBackground(r, g, b)) light++
    }
  checks.push(check('background', border > 0 && light / border >= PHOTO_RULES.backgroundShare))
  // The central face region: the middle third across, from 28% to 58% down (where the head is).
  let n = 0
  let luminance = 0
  let spread = 0
  for (let y = Math.floor(height * 0.28); y < height * 0.58; y += step)
    for (let x = Math.floor(width / 3); x < (width * 2) / 3; x += step) {
      const [r, g, b] = px(x, y)
      n++
      luminance += 0.2126 * r + 0.7152 * g + 0.0722 * b
      spread += Math.max(r, g, b) - Math.min(r, g, b)
    }
  const mean = n ? luminance / n : 0
  checks.push(check('exposure', mean >= PHOTO_RULES.minLuminance && mean <= PHOTO_RULES.maxLuminance))
  checks.push(check('colour', meta.space !== 'b-w' && n > 0 && spread / n >= PHOTO_RULES.minColourSpread))
  return checks
}

export const blockingFailures = (checks: readonly PhotoCheck[]) =>
  checks.filter((c) => c.blocking && !c.passed)

/**
 * Every check of a photo: the blocking ones, then (for an image that could be read) the face
 * detector's. A detector that fails on an odd file gives failed face checks, never an error.
 */
export async function judgePhoto(bytes: Buffer, limits: PhotoLimits): Promise<PhotoCheck[]> {
  const checks = await checkPhoto(bytes, limits)
  if (!checks.find((c) => c.code === 'format')?.passed) return checks
  const face = await checkFace(bytes).catch(() =>
    (['face', 'head_size', 'centring', 'eyes'] as const).map((code) => check(code, false, false)),
  )
  return [...checks, ...face]
}
