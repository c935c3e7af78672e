import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { App } from './App.tsx'
import { i18nReady } from './lib/i18n.ts'
import { registerServiceWorker } from './lib/offline/service-worker.ts'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('no #root element')
const mount = root
registerServiceWorker()
void i18nReady.then(() =>
  createRoot(mount).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  ),
)
