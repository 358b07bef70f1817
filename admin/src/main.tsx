import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import './app.css'
import { I18nProvider } from './i18n.tsx'

// The server gives each load a CSP nonce for style elements (no 'unsafe-inline'). antd passes
// it to most of the style elements it makes, but some helpers create probe elements without
// it; every style element made in this page gets the nonce, so none is blocked.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? ''
const createElement = document.createElement.bind(document)
document.createElement = ((tag: string, options?: ElementCreationOptions) => {
  const element = createElement(tag, options)
  if (nonce && tag.toLowerCase() === 'style') element.setAttribute('nonce', nonce)
  return element
}) as typeof document.createElement

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  )
}
