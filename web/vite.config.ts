import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type Rollup } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const serverSrc = fileURLToPath(new URL('../src/', import.meta.url))
const api = process.env.LINGSHI_API ?? 'http://127.0.0.1:8080'

/**
 * The web app reads the server's shapes as types (`import type`, erased from the bundle) and
 * takes values — enum lists — only from server files that import nothing (or only other such
 * files): a value from a schema file would bring zod and every schema in it (about 100 kB), and
 * anything else server code. The build stops and names the import.
 */
function serverValuesFromPlainFilesOnly(): Plugin {
  return {
    name: 'lingshi:server-values-from-plain-files-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.startsWith(serverSrc) && !source.startsWith('.'))
        this.error(
          `${importer} imports "${source}": the web app may take values only from server files that import nothing`,
        )
      return null
    },
  }
}

/**
 * Writes a brotli and a gzip copy beside every text file of the build, once, at the highest
 * levels (the server sends them as they are: no compression per request).
 */
function precompress(): Plugin {
  return {
    name: 'lingshi:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? path.join(root, 'dist')
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|mjs|css|html|svg|json|webmanifest|txt|wasm)$/.test(file)) continue
        const data = await readFile(path.join(dir, file))
        if (data.length < 1024) continue
        const br = brotliCompressSync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        })
        await writeFile(path.join(dir, `${file}.br`), br)
        await writeFile(path.join(dir, `${file}.gz`), gzipSync(data, { level: 9 }))
      }
    },
  }
}

/**
 * The pages a citizen may need with no network, kept by the service worker at install with what
 * they import: the shell, sign-in, SOS, trips, inbox, alerts, settings (followed countries),
 * profile, health certificates, a country's advice, the missions. Not the console, the map's
 * shapes, the verifier or the document editor (large, and not needed in trouble).
 */
const OFFLINE_PAGES =
  /\/src\/(pages\/(Login|NotFound|Missions|AccountMenu|SignedInParts)|citizen\/(help\/HelpPage|InboxPage|TripsPage|SettingsPage|ProfilePage|alerts\/MyAlertsPage|alerts\/MyAlertPage)|health\/WalletPage|advisories\/AdvisoryCountryPage|locales\/bundle\.[\w-]+)\.tsx?$/

/** What one chunk needs to run: itself, the chunks it imports, their CSS and files, transitively. */
function withImports(bundle: Rollup.OutputBundle, file: string, into: Set<string>): void {
  if (into.has(file)) return
  into.add(file)
  const chunk = bundle[file]
  if (chunk?.type !== 'chunk') return
  const meta = (chunk as { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata
  for (const css of meta?.importedCss ?? []) into.add(css)
  for (const asset of meta?.importedAssets ?? []) into.add(asset)
  for (const imported of chunk.imports) withImports(bundle, imported, into)
}

/**
 * Stamps the service worker with this build: its version (so that browsers install the new worker
 * on each release), the files to keep at install, and every file of the build (older ones are
 * dropped from the cache).
 */
function serviceWorkerBuild(): Plugin {
  let stamp: { version: string; precache: string[]; assets: string[] } | undefined
  let outDir = path.join(root, 'dist')
  return {
    name: 'lingshi:service-worker-build',
    apply: 'build',
    writeBundle(options, bundle) {
      outDir = options.dir ?? outDir
      const precache = new Set<string>()
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue
        if (chunk.isEntry || (chunk.facadeModuleId && OFFLINE_PAGES.test(chunk.facadeModuleId)))
          withImports(bundle, file, precache)
      }
      const assets = Object.keys(bundle).filter((f) => f.startsWith('assets/'))
      const version = createHash('sha256').update(assets.sort().join('\n')).digest('hex').slice(0, 16)
      stamp = {
        version,
        precache: [...precache].filter((f) => f.startsWith('assets/')).sort().map((f) => `/${f}`),
        assets: assets.map((f) => `/${f}`),
      }
    },
    async closeBundle() {
      if (!stamp) return
      const file = path.join(outDir, 'sw.js')
      const source = await readFile(file, 'utf8')
      if (!source.includes('const BUILD = null')) this.error('sw.js lacks the line `const BUILD = null`')
      await writeFile(file, source.replace('const BUILD = null', `const BUILD = ${JSON.stringify(stamp)}`))
    },
  }
}

export default defineConfig({
  root,
  plugins: [serverValuesFromPlainFilesOnly(), react(), precompress(), serviceWorkerBuild()],
  resolve: { alias: { '@server': fileURLToPath(new URL('../src/modules', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': api, '/healthz': api, '/readyz': api } },
})
