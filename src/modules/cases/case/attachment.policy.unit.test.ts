import { describe, expect, it } from 'vitest'
import { attachmentDisposition } from '../../../platform/http/content-disposition.ts'
import { cleanFileName, judgeFile, storedFileName } from './attachment.policy.ts'

const PDF = { mime: 'application/pdf', ext: 'pdf' }

describe('file names', () => {
  it('drop paths, control and direction characters, reserved characters and leading dots', () => {
    expect(cleanFileName('C:\\Users\\x\\..\\护照.pdf')).toBe('护照.pdf')
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(cleanFileName('a\u0000b\tc\n.pdf')).toBe('ab c .pdf')
    expect(cleanFileName('..hidden.txt')).toBe('hidden.txt')
    expect(cleanFileName('what?<now>.pdf')).toBe('what__now_.pdf')
    expect(cleanFileName(undefined)).toBe('')
  })

  it('get the extension of their content when they have none, and stay under 200 characters', () => {
    expect(storedFileName('', 'application/pdf')).toBe('attachment.pdf')
    expect(storedFileName('scan', 'image/jpeg')).toBe('scan.jpg')
    const long = storedFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf')
    expect([...long]).toHaveLength(200)
    expect(long.endsWith('长.pdf')).toBe(true)
  })

  it('are offered for download in ASCII and in UTF-8 (RFC 5987)', () => {
    expect(attachmentDisposition("护照 (copy)'s.pdf")).toBe(
      `attachment; filename="__ (copy)'s.pdf"; filename*=UTF-8''%E6%8A%A4%E7%85%A7%20%28copy%29%27s.pdf`,
    )
  })
})

describe('judgeFile', () => {
  const judge = (over: Partial<Parameters<typeof judgeFile>[0]>) =>
    judgeFile({ size: 10, sniffed: PDF, declaredType: 'application/pdf', name: 'a.pdf', ...over })

  it('keeps the type the content shows, whatever vague type the browser declared', () => {
    expect(judge({})).toBe('application/pdf')
    expect(judge({ declaredType: '' })).toBe('application/pdf')
    expect(judge({ declaredType: 'application/octet-stream', name: 'a' })).toBe('application/pdf')
    expect(
      judge({ sniffed: { mime: 'image/heif', ext: 'heic' }, declaredType: 'image/heic', name: 'IMG_1.HEIC' }),
    ).toBe('image/heif')
  })

  it('reads text that happens to start like a bitmap or a program as text, not as what it is not', () => {
    const text = { mime: 'text/plain', ext: 'txt' }
    const bmp = { mime: 'image/bmp', ext: 'bmp', asText: text }
    expect(judge({ sniffed: bmp, declaredType: 'text/plain', name: 'BMW crash.txt' })).toBe('text/plain')
    const mz = { mime: 'application/x-msdownload', ext: 'exe', asText: text }
    expect(judge({ sniffed: mz, declaredType: 'text/plain', name: 'notes.txt' })).toBe('text/plain')
    // A PDF written in ASCII is still a PDF.
    expect(judge({ sniffed: { ...PDF, asText: text } })).toBe('application/pdf')
  })

  it('refuses with stable codes', () => {
    const code = (over: Partial<Parameters<typeof judgeFile>[0]>) => {
      try {
        judge(over)
        return 'accepted'
      } catch (e) {
        return (e as { code: string }).code
      }
    }
    expect(code({ size: 0 })).toBe('attachment.empty')
    expect(code({ sniffed: undefined })).toBe('attachment.type_not_allowed')
    expect(code({ sniffed: { mime: 'application/x-msdownload', ext: 'exe' } })).toBe(
      'attachment.type_not_allowed',
    )
    expect(code({ sniffed: { mime: 'application/zip', ext: 'zip' }, declaredType: 'application/zip' })).toBe(
      'attachment.type_not_allowed',
    )
    expect(code({ declaredType: 'image/png' })).toBe('attachment.type_mismatch')
    expect(code({ name: 'a.exe' })).toBe('attachment.type_mismatch')
  })
})
