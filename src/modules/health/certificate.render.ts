import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { AppContext } from '../../context.ts'
import { certificateNames } from '../registrations/index.ts'
import { doseOfCertificate, recoveryOfCertificate, testOfCertificate } from './certificate.repository.ts'
import {
  PRODUCTS,
  type Product,
  RAT_DEVICES,
  type RatDevice,
  TEST_RESULTS,
  TEST_TYPES,
  type TestResult,
  type TestType,
} from './health.enums.ts'
import { ISSUER_NAME } from './issue.ts'

/** The QR of a certificate as a PNG, error correction Q as the DCC specification asks. */
export function certificatePng(qr: string): Promise<Buffer> {
  return QRCode.toBuffer(qr, { errorCorrectionLevel: 'Q', margin: 4, scale: 6, type: 'png' })
}

let font: Buffer | undefined
function cjkFont(): Buffer {
  font ??= readFileSync(
    createRequire(import.meta.url).resolve(
      '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    ),
  )
  return font
}

export interface PrintableCertificate {
  id: string
  uvci: string
  qr: string
  issued_at: Date
  expires_at: Date
  revoked_at: Date | null
  person_id: string
}

/** A printable A4 page in Chinese and English: holder, dose, test or recovery, validity, UVCI and the QR. */
export async function certificatePdf(ctx: AppContext, c: PrintableCertificate): Promise<Buffer> {
  const [names, dose, test, recovery, png] = await Promise.all([
    certificateNames(ctx, c.person_id),
    doseOfCertificate(ctx.db, c.id),
    testOfCertificate(ctx.db, c.id),
    recoveryOfCertificate(ctx.db, c.id),
    certificatePng(c.qr),
  ])
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Health certificate ${c.uvci}` } })
  const chunks: Buffer[] = []
  doc.on('data', (b: Buffer) => chunks.push(b))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.registerFont('cjk', cjkFont())
  doc.font('cjk')
  doc.fontSize(20).text('国际旅行健康证明', { align: 'center' })
  doc.fontSize(14).text('International Travel Health Certificate (EU DCC format)', { align: 'center' })
  doc.moveDown()
  const row = (zh: string, en: string, value: string) => {
    doc.fontSize(10).fillColor('#555').text(`${zh} / ${en}`)
    doc
      .fontSize(13)
      .fillColor('#000')
      .text(value || '—')
    doc.moveDown(0.4)
  }
  row('姓', 'Surname', names?.surname ?? '')
  row('名', 'Given names', names?.givenNames ?? '')
  row('出生日期', 'Date of birth', names?.dateOfBirth ?? '')
  if (dose) {
    const product = PRODUCTS[dose.product as Product]
    row('疫苗', 'Vaccine', `${product?.name ?? dose.product} (${dose.product})`)
    row('剂次', 'Dose', `${dose.dose_number} / ${dose.series_doses}`)
    row('接种日期', 'Date of vaccination', String(dose.date))
    row('批号', 'Lot', dose.lot)
    row('接种点', 'Vaccination site', `${dose.site_zh} / ${dose.site_en}`)
  }
  if (test) {
    const device = test.manufacturer ? RAT_DEVICES[test.manufacturer as RatDevice] : null
    row(
      '检测类型',
      'Type of test',
      `${TEST_TYPES[test.test_type as TestType] ?? test.test_type} (${test.test_type})`,
    )
    if (test.test_name || device) row('检测名称', 'Test', test.test_name ?? device ?? '')
    row('采样时间', 'Sample collected', `${test.sampled_at.toISOString().slice(0, 16).replace('T', ' ')} UTC`)
    row('检测结果', 'Result', `阴性 / ${TEST_RESULTS[test.result as TestResult] ?? test.result}`)
    row('检测中心', 'Testing centre', test.centre)
    row('检测点', 'Site', `${test.site_zh} / ${test.site_en}`)
  }
  if (recovery) {
    row('首次阳性检测日期', 'First positive test', String(recovery.first_positive))
    row('有效期', 'Valid', `${recovery.valid_from} — ${recovery.valid_until}`)
  }
  row('签发机构', 'Issuer', `中华人民共和国外交部 / ${ISSUER_NAME}`)
  row('签发时间', 'Issued', c.issued_at.toISOString().slice(0, 10))
  row('有效期至', 'Valid until', c.expires_at.toISOString().slice(0, 10))
  row('证书标识', 'Certificate identifier (UVCI)', c.uvci)
  if (c.revoked_at) {
    doc
      .fontSize(16)
      .fillColor('#c00')
      .text(`已撤销 / REVOKED ${c.revoked_at.toISOString().slice(0, 10)}`)
    doc.fillColor('#000')
  }
  doc.image(png, 330, 150, { width: 210 })
  doc
    .fontSize(9)
    .fillColor('#555')
    .text('扫描二维码核验：/verify · Scan the QR code to verify at /verify', 56, 770)
  doc.end()
  return done
}
