import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const api = process.env.LINGSHI_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  root,
  plugins: [react()],
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
