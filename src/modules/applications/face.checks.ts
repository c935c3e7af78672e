import { createRequire } from 'node:module'
import path from 'node:path'
import sharp from 'sharp'
import type { PhotoCheck } from './applications.table.ts'

// tfjs and face-api are CommonJS bundles; the models and the WASM binaries ship inside their npm
// packages, so nothing is downloaded at run time.
const require = createRequire(import.meta.url)
type Tf = typeof import('@tensorflow/tfjs')
type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js')

/** The Chinese passport photo: head (crown to chin) 28–33 mm of 48 mm, widened 5 % for the estimate. */
export const FACE_RULES = {
  minHead: 28 / 48 - 0.05,
  maxHead: 33 / 48 + 0.05,
  /** The face's centre at most this share of the width from the middle. */
  maxOffCentre: 0.05,
  /** Detection runs on the photo scaled to this height (faster; a passport photo's face is large). */
  detectHeight: 640,
} as const

interface Engine {
  readonly tf: Tf
  readonly faceapi: FaceApi
}

let engine: Promise<Engine> | undefined

/** Loads the WASM backend and the two small models once per process. */
export function faceEngine(): Promise<Engine> {
  engine ??= (async () => {
    const tf = require('@tensorflow/tfjs') as Tf
    const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm')
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi
    wasm.setWasmPaths(
      `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
    )
    await tf.setBackend('wasm')
    await tf.ready()
    const models = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model')
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models)
    await faceapi.nets.faceLandmark68TinyNet.loadFromDisk(models)
    return { tf, faceapi }
  })()
  return engine
}

const check = (code: PhotoCheck['code'], passed: boolean): PhotoCheck => ({ code, passed, blocking: false })

/**
 * The checks of a face detector (not blocking: a failure is shown to the citizen and flagged to the
 * officer): exactly one face, head height, horizontal centring, both eyes found where eyes belong.
 * The head is estimated as twice the distance from the eyes to the chin (the eyes sit about halfway
 * between crown and chin).
 */
export async function checkFace(bytes: Buffer): Promise<PhotoCheck[]> {
  const { tf, faceapi } = await faceEngine()
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize({ height: FACE_RULES.detectHeight, withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  const tensor = tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], 'int32')
  let found: Awaited<ReturnType<ReturnType<FaceApi['detectAllFaces']>['withFaceLandmarks']>>
  try {
    found = await faceapi
      .detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 }))
      .withFaceLandmarks(true)
  } finally {
    tensor.dispose()
  }
  const [face] = found
  if (found.length !== 1 || !face)
    return [check('face', false), check('head_size', false), check('centring', false), check('eyes', false)]
  const box = face.detection.box
  const points = face.landmarks.positions
  const chin = points[8]
  const mean = (ps: { x: number; y: number }[]) => ({
    x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
    y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
  })
  const left = mean(face.landmarks.getLeftEye())
  const right = mean(face.landmarks.getRightEye())
  const eyesY = (left.y + right.y) / 2
  const head = chin ? (2 * (chin.y - eyesY)) / info.height : 0
  const centre = (box.x + box.width / 2) / info.width
  const eyesInPlace =
    Math.abs(right.x - left.x) >= box.width * 0.2 &&
    left.y < box.y + box.height * 0.6 &&
    right.y < box.y + box.height * 0.6
  return [
    check('face', true),
    check('head_size', head >= FACE_RULES.minHead && head <= FACE_RULES.maxHead),
    check('centring', Math.abs(centre - 0.5) <= FACE_RULES.maxOffCentre),
    check('eyes', eyesInPlace),
  ]
}
