import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { spaPlugin } from './spa.ts'

const SCRIPT = `console.log(${JSON.stringify('领事 '.repeat(500))})`

async function builtApp() {
  const root = await mkdtemp(path.join(tmpdir(), 'lingshi-spa-'))
  await mkdir(path.join(root, 'assets'))
  const file = path.join(root, 'assets', 'index-AbC123.js')
  await writeFile(file, SCRIPT)
  await writeFile(`${file}.br`, brotliCompressSync(SCRIPT))
  await writeFile(`${file}.gz`, gzipSync(SCRIPT))
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Lingshi</title>')
  await writeFile(path.join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  await writeFile(path.join(root, 'manifest.webmanifest'), '{"name":"Lingshi"}')
  const app = Fastify()
  await app.register(spaPlugin, { root })
  return app
}

describe('the web app files', () => {
  it('sends a hashed asset compressed as the browser accepts, kept for a year and never revalidated', async () => {
    const app = await builtApp()
    const br = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT)
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    const plain = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'identity' },
    })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(SCRIPT)
  })

  it('has the page, the service worker and client routes checked on every load', async () => {
    const app = await builtApp()
    const sw = await app.inject({ url: '/sw.js' })
    expect(sw.headers['cache-control']).toBe('no-cache')
    expect(sw.headers['service-worker-allowed']).toBe('/')
    const manifest = await app.inject({ url: '/manifest.webmanifest' })
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/)
    expect(manifest.headers['cache-control']).toBe('no-cache')
    const route = await app.inject({ url: '/advisories/JP' })
    expect(route.statusCode).toBe(200)
    expect(route.headers['cache-control']).toBe('no-cache')
    expect(route.body).toContain('<title>Lingshi</title>')
  })
})
