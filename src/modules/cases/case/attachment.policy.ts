import type { Sniffed } from '../../../platform/storage/sniff.ts'
import { casesError } from '../cases.errors.ts'

interface Allowed {
  /** What a person would call it, for messages. */
  readonly label: string
  readonly exts: readonly string[]
  /** Other names clients declare for the same content. */
  readonly aliases?: readonly string[]
}

const ZIP = ['application/zip', 'application/x-zip-compressed']

/** What a case may hold, by the type its content is found to be. */
export const ALLOWED_TYPES: Readonly<Record<string, Allowed>> = {
  'application/pdf': { label: 'PDF', exts: ['pdf'], aliases: ['application/x-pdf'] },
  'image/jpeg': {
    label: 'JPEG',
    exts: ['jpg', 'jpeg', 'jpe', 'jfif'],
    aliases: ['image/jpg', 'image/pjpeg'],
  },
  'image/png': { label: 'PNG', exts: ['png'], aliases: ['image/x-png'] },
  'image/webp': { label: 'WebP', exts: ['webp'] },
  'image/heic': { label: 'HEIC', exts: ['heic', 'heif'], aliases: ['image/heif'] },
  'image/heif': { label: 'HEIF', exts: ['heic', 'heif'], aliases: ['image/heic'] },
  'text/plain': { label: 'text', exts: ['txt', 'text', 'log'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word (docx)',
    exts: ['docx'],
    aliases: ZIP,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel (xlsx)',
    exts: ['xlsx'],
    aliases: ZIP,
  },
  'application/vnd.oasis.opendocument.text': {
    label: 'OpenDocument text (odt)',
    exts: ['odt'],
    aliases: ZIP,
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    label: 'OpenDocument spreadsheet (ods)',
    exts: ['ods'],
    aliases: ZIP,
  },
}

/** The file inputs of browsers accept these; the server judges the content anyway. */
export const ACCEPT = [...new Set(Object.values(ALLOWED_TYPES).flatMap((a) => a.exts.map((e) => `.${e}`)))]

/** Declared types that say nothing: browsers send them for types they do not know. */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown'])

/** Programs, installers and scripts, by the type their content is found to be. */
const EXECUTABLE = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-msi',
  'application/vnd.microsoft.portable-executable',
  'application/x-sharedlib',
  'application/x-executable',
  'application/vnd.android.package-archive',
  'application/java-archive',
  'application/java-vm',
  'application/wasm',
  'application/x-apple-diskimage',
  'text/x-shellscript',
])

const notAllowed = (detail: string, detected: string | null) =>
  casesError('attachment.type_not_allowed', detail, { detectedType: detected })
const mismatch = (detail: string, detected: string) =>
  casesError('attachment.type_mismatch', detail, { detectedType: detected })

export const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * The media type to store for a file: the one its bytes show, if a case may hold it and if the
 * declared type and the name's extension (when they say anything) agree with it.
 */
export function judgeFile(file: {
  size: number
  sniffed: Sniffed | undefined
  declaredType: string
  name: string
}): string {
  const name = file.name || 'The file'
  if (file.size === 0) throw casesError('attachment.empty', `${name} is empty`)
  const sniffed = file.sniffed
  const readable = sniffed && !ALLOWED_TYPES[sniffed.mime] && sniffed.asText ? sniffed.asText : sniffed
  const detected = readable?.mime ?? null
  if (!detected) throw notAllowed(`The content of ${name} is of no type a case accepts`, null)
  if (EXECUTABLE.has(detected))
    throw notAllowed(`${name} is a program or script (${detected}); these are never accepted`, detected)
  const allowed = ALLOWED_TYPES[detected]
  if (!allowed) throw notAllowed(`${name} is ${detected}; a case accepts ${labels()} only`, detected)
  const declared = file.declaredType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!UNSPECIFIC.has(declared) && declared !== detected && !allowed.aliases?.includes(declared))
    throw mismatch(`${name} is declared as ${declared} but its content is ${allowed.label}`, detected)
  const ext = extensionOf(file.name)
  if (ext && !allowed.exts.includes(ext))
    throw mismatch(`${name} is named .${ext} but its content is ${allowed.label}`, detected)
  return detected
}

function labels(): string {
  return [...new Set(Object.values(ALLOWED_TYPES).map((a) => a.label))].join(', ')
}

const MAX_NAME = 200

/**
 * The name as sent, made safe to show: no path, no control or bidirectional-override characters
 * (which make "exe.pdf" read as "fdp.exe"), none of Windows' reserved characters, no leading or
 * trailing dots. May come out empty.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? ''
  return base
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
}

/** The name to keep: the clean name, with the content's extension when it had none, at most 200 characters. */
export function storedFileName(clean: string, mediaType: string): string {
  const canonical = ALLOWED_TYPES[mediaType]?.exts[0] ?? 'bin'
  let name = clean || 'attachment'
  if (!extensionOf(name)) name = `${name}.${canonical}`
  const chars = [...name]
  if (chars.length <= MAX_NAME) return name
  const ext = extensionOf(name)
  return `${chars
    .slice(0, MAX_NAME - ext.length - 1)
    .join('')
    .trimEnd()}.${ext}`
}
