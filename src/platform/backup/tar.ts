import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

/**
 * A gzipped tar (ustar) of a directory, streamed both ways: a data directory of gigabytes never
 * sits in memory. Only plain files and directories are written or read back; links and devices
 * are refused, and no entry may land outside the target directory.
 */
const BLOCK = 512
const MAX_SIZE = 8 ** 11 - 1

export class ArchiveError extends Error {}

export async function packDirectory(dir: string, file: string): Promise<void> {
  await pipeline(
    Readable.from(entries(dir)),
    zlib.createGzip({ level: 6 }),
    fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }),
  )
}

async function* entries(root: string): AsyncGenerator<Buffer> {
  for (const relative of await walk(root, '')) {
    const full = path.join(root, relative)
    const stat = await fs.promises.lstat(full)
    if (stat.isDirectory()) {
      yield header(`${relative}/`, 0, '5', stat.mode, stat.mtimeMs)
      continue
    }
    if (!stat.isFile()) continue
    if (stat.size > MAX_SIZE) throw new ArchiveError(`${full} is too large for a tar entry`)
    yield header(relative, stat.size, '0', stat.mode, stat.mtimeMs)
    let written = 0
    if (stat.size > 0) {
      for await (const chunk of fs.createReadStream(full, { end: stat.size - 1 })) {
        written += (chunk as Buffer).length
        yield chunk as Buffer
      }
    }
    // A file that changed size while being read would shift every entry after it.
    if (written !== stat.size) throw new ArchiveError(`${full} changed while being archived`)
    if (stat.size % BLOCK) yield Buffer.alloc(BLOCK - (stat.size % BLOCK))
  }
  yield Buffer.alloc(BLOCK * 2)
}

async function walk(root: string, relative: string): Promise<string[]> {
  const found: string[] = []
  const names = (await fs.promises.readdir(path.join(root, relative))).sort()
  for (const name of names) {
    const entry = relative ? `${relative}/${name}` : name
    found.push(entry)
    if ((await fs.promises.lstat(path.join(root, entry))).isDirectory())
      found.push(...(await walk(root, entry)))
  }
  return found
}

function header(name: string, size: number, type: '0' | '5', mode: number, mtimeMs: number): Buffer {
  const block = Buffer.alloc(BLOCK)
  const [prefix, base] = splitName(name)
  block.write(base, 0, 100, 'utf8')
  octal(block, 100, 8, mode & 0o7777)
  octal(block, 108, 8, 0)
  octal(block, 116, 8, 0)
  octal(block, 124, 12, size)
  octal(block, 136, 12, Math.floor(mtimeMs / 1000))
  block.write(type, 156, 'ascii')
  block.write('ustar\0', 257, 'ascii')
  block.write('00', 263, 'ascii')
  block.write(prefix, 345, 155, 'utf8')
  block.fill(' ', 148, 156)
  octal(block, 148, 7, checksum(block))
  return block
}

/** ustar keeps a long name as a prefix (up to 155 bytes) and a name (up to 100), split at a slash. */
function splitName(name: string): [string, string] {
  if (Buffer.byteLength(name) <= 100) return ['', name]
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i)
    const rest = name.slice(i + 1)
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest) return [prefix, rest]
  }
  throw new ArchiveError(`${name} is too long for a tar entry`)
}

function octal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii')
}

function checksum(block: Buffer): number {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0)
  return sum
}

/** Reads exactly the bytes asked for from a stream of chunks. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0)
  private readonly source: AsyncIterator<Buffer>

  constructor(stream: AsyncIterable<Buffer>) {
    this.source = stream[Symbol.asyncIterator]()
  }

  /** Up to `max` bytes (at least one), or null at the end. */
  async some(max: number): Promise<Buffer | null> {
    while (this.buffered.length === 0) {
      const next = await this.source.next()
      if (next.done) return null
      this.buffered = next.value
    }
    const taken = this.buffered.subarray(0, max)
    this.buffered = this.buffered.subarray(taken.length)
    return taken
  }

  async exactly(length: number): Promise<Buffer | null> {
    const parts: Buffer[] = []
    let have = 0
    while (have < length) {
      const part = await this.some(length - have)
      if (!part) {
        if (have === 0) return null
        throw new ArchiveError('the archive ends in the middle of an entry')
      }
      parts.push(part)
      have += part.length
    }
    return Buffer.concat(parts)
  }
}

/**
 * Unpacks a gzipped tar into `into` (created; must not exist). Reads what PGlite's
 * `dumpDataDir()` and GNU tar write too (leading slashes, GNU long names, pax paths).
 */
export async function unpackArchive(file: string, into: string): Promise<void> {
  const dir = path.resolve(into)
  await fs.promises.mkdir(dir, { mode: 0o700 })
  const reader = new ByteReader(fs.createReadStream(file).pipe(zlib.createGunzip()))
  let longName: string | null = null
  for (;;) {
    const block = await reader.exactly(BLOCK)
    if (!block || block.every((b) => b === 0)) return
    if (parseOctal(block, 148, 8) !== checksum(block)) throw new ArchiveError('a tar header is damaged')
    const size = parseOctal(block, 124, 12)
    const type = String.fromCharCode(block[156] ?? 0)
    const padded = Math.ceil(size / BLOCK) * BLOCK
    if (type === 'L' || type === 'x' || type === 'g') {
      const body = (await reader.exactly(padded))?.subarray(0, size).toString('utf8') ?? ''
      if (type === 'L') longName = body.replace(/\0.*$/s, '')
      if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body)?.[1] ?? longName
      continue
    }
    const target = entryPath(dir, longName ?? headerName(block))
    longName = null
    if (type === '5') {
      await fs.promises.mkdir(target, { recursive: true, mode: 0o700 })
    } else if ((type === '0' || type === '\0') && target !== dir) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      await writeEntry(reader, target, size, parseOctal(block, 100, 8) & 0o777)
      await skip(reader, padded - size)
    } else {
      throw new ArchiveError(
        `the archive holds an entry of type "${type}" (only files and directories are restored)`,
      )
    }
  }
}

function headerName(block: Buffer): string {
  const text = (start: number, length: number) => {
    const raw = block.subarray(start, start + length)
    const end = raw.indexOf(0)
    return raw.subarray(0, end < 0 ? length : end).toString('utf8')
  }
  const prefix = text(345, 155)
  return prefix ? `${prefix}/${text(0, 100)}` : text(0, 100)
}

function entryPath(dir: string, raw: string): string {
  const name = raw.replace(/^(\.?\/)+/, '')
  const target = path.resolve(dir, name)
  if (target !== dir && !target.startsWith(`${dir}${path.sep}`))
    throw new ArchiveError(`the archive entry "${name}" points outside the directory restored`)
  return target
}

async function writeEntry(reader: ByteReader, target: string, size: number, mode: number): Promise<void> {
  const handle = await fs.promises.open(target, 'wx', mode || 0o600)
  try {
    let left = size
    while (left > 0) {
      const chunk = await reader.some(Math.min(left, 1 << 20))
      if (!chunk) throw new ArchiveError('the archive ends in the middle of a file')
      await handle.write(chunk)
      left -= chunk.length
    }
  } finally {
    await handle.close()
  }
}

async function skip(reader: ByteReader, length: number): Promise<void> {
  let left = length
  while (left > 0) {
    const chunk = await reader.some(left)
    if (!chunk) throw new ArchiveError('the archive ends in the middle of an entry')
    left -= chunk.length
  }
}

function parseOctal(block: Buffer, offset: number, length: number): number {
  const text = block
    .subarray(offset, offset + length)
    .toString('ascii')
    .replace(/[\0 ]+$/g, '')
    .trim()
  return text ? Number.parseInt(text, 8) : 0
}
