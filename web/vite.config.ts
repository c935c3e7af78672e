import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

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

export default defineConfig({
  root,
  plugins: [serverValuesFromPlainFilesOnly(), react(), precompress()],
  resolve: { alias: { '@server': fileURLToPath(new URL('../src/modules', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': api, '/healthz': api, '/readyz': api } },
})
