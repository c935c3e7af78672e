import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * The process that holds an embedded data directory answers requests for a consistent copy on a
 * Unix socket in a private directory (0700), so only its own user (or root) can ask. One request
 * per connection: a JSON line `{"snapshot": "/absolute/target"}`, answered by `{"ok": true}` or
 * `{"ok": false, "error": "…"}`.
 */
export interface SnapshotListener {
  readonly socket: string
  close(): Promise<void>
}

export function privateSocketPath(): { socket: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-'))
  return {
    socket: path.join(dir, 'snapshot.sock'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

export async function listenForSnapshots(
  socket: string,
  take: (target: string) => Promise<void>,
): Promise<SnapshotListener> {
  const server = net.createServer((conn) => {
    let request = ''
    conn.setEncoding('utf8')
    conn.on('error', () => conn.destroy())
    conn.on('data', (chunk: string) => {
      request += chunk
      const end = request.indexOf('\n')
      if (end < 0) {
        if (request.length > 8192) conn.destroy()
        return
      }
      conn.removeAllListeners('data')
      answer(request.slice(0, end), take).then((reply) => conn.end(`${JSON.stringify(reply)}\n`))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socket, () => {
      server.off('error', reject)
      resolve()
    })
  })
  // The socket must not keep a command-line process alive once its work is done.
  server.unref()
  return {
    socket,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function answer(
  line: string,
  take: (target: string) => Promise<void>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const { snapshot } = JSON.parse(line) as { snapshot?: unknown }
    if (typeof snapshot !== 'string' || !path.isAbsolute(snapshot))
      throw new Error('no absolute target given')
    await take(snapshot)
    return { ok: true }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}

/** Asks the holder of a data directory for a consistent copy of it in `target` (absolute, new). */
export function requestSnapshot(socket: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(socket)
    let reply = ''
    conn.setEncoding('utf8')
    conn.on('connect', () => conn.write(`${JSON.stringify({ snapshot: target })}\n`))
    conn.on('data', (chunk: string) => {
      reply += chunk
    })
    conn.on('error', reject)
    conn.on('close', () => {
      try {
        const parsed = JSON.parse(reply) as { ok?: boolean; error?: string }
        if (parsed.ok) resolve()
        else reject(new Error(parsed.error ?? 'the database process refused the copy'))
      } catch {
        reject(new Error('the database process closed the connection without an answer'))
      }
    })
  })
}
