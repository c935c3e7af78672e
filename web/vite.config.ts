import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const serverSrc = fileURLToPath(new URL('../src/', import.meta.url))
const api = process.env.LINGSHI_API ?? 'http://127.0.0.1:8080'

/**
 * The web app reads the server's shapes as types (`import type`, erased from the bundle) and may
 * take values — enum lists — only from server files that import nothing but zod and other such
 * files. Anything else reached from a server file would ship server code to the browser, so the
 * build stops and names the import.
 */
function serverValuesFromZodFilesOnly(): Plugin {
  return {
    name: 'lingshi:server-values-from-zod-files-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.startsWith(serverSrc) && source !== 'zod' && !source.startsWith('.'))
        this.error(
          `${importer} imports "${source}": the web app may take values only from server files that import nothing but zod`,
        )
      return null
    },
  }
}

export default defineConfig({
  root,
  plugins: [serverValuesFromZodFilesOnly(), react()],
  resolve: { alias: { '@server': fileURLToPath(new URL('../src/modules', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|antd|@ant-design|rc-|@rc-component)/ }],
        },
      },
    },
  },
  server: { proxy: { '/api': api, '/healthz': api, '/readyz': api } },
})
