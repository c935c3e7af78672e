import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { Application } from './application.schema.ts'
import { STATUS_WORDS } from './status.messages.ts'

const require = createRequire(import.meta.url)
/** Noto Sans SC ships inside an npm package: nothing is fetched at run time; pdfkit embeds the subset used. */
const CJK_FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')

const SERVICE_WORDS: Record<Application['service'], { zh: string; en: string }> = {
  passport_renewal: { zh: '护照换发', en: 'Passport renewal' },
  passport_replacement: { zh: '护照补发', en: 'Passport replacement' },
  passport_first: { zh: '首次申请护照', en: 'First passport' },
  travel_document: { zh: '旅行证', en: 'Travel document' },
}

/** The acknowledgement of a submitted application: bilingual, the reference as text and QR, the fee to pay. */
export async function receiptPdf(
  a: Application,
  missionName: { 'zh-CN': string; en: string },
): Promise<Buffer> {
  const qr = await QRCode.toBuffer(a.reference, { margin: 1, width: 160 })
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Receipt ${a.reference}` } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  doc.registerFont('cjk', CJK_FONT)
  doc.font('cjk')
  doc.fontSize(18).text('受理回执 · Acknowledgement of application')
  doc.moveDown(0.5).fontSize(11).text(`${missionName['zh-CN']} · ${missionName.en}`)
  doc.image(qr, 420, 56, { width: 120 })
  doc.moveDown(1.5)
  const service = SERVICE_WORDS[a.service]
  const status = STATUS_WORDS[a.status]
  const name = [a.form.surname, a.form.givenNames].filter(Boolean).join(' ')
  const rows: [string, string][] = [
    ['申请编号 Reference', a.reference],
    ['业务 Service', `${service.zh} · ${service.en}`],
    ['申请人 Applicant', `${name}${a.form.nameZh ? ` ${a.form.nameZh}` : ''}`],
    ['出生日期 Date of birth', a.form.dateOfBirth ?? ''],
    ['提交时间 Submitted', a.submittedAt ? `${a.submittedAt.slice(0, 16).replace('T', ' ')} UTC` : ''],
    ['状态 Status', `${status['zh-CN']} · ${status.en}`],
    [
      '应缴费用 Fee to pay',
      `${a.fee.amount.toFixed(2)} ${a.fee.currency}${a.fee.paid ? ' (已缴 paid)' : ''}`,
    ],
  ]
  doc.fontSize(12)
  for (const [label, value] of rows) {
    doc.fillColor('#666').text(label, { continued: false })
    doc.fillColor('#000').text(value).moveDown(0.4)
  }
  doc.moveDown(1).fontSize(10).fillColor('#444')
  doc.text('请凭申请编号和出生日期随时查询办理进度。未缴费的申请不予制证。')
  doc.text(
    'Check the progress at any time with the reference and the date of birth. Unpaid applications are not produced.',
  )
  doc.end()
  return done
}
