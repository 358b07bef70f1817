import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import './app.css'
import { I18nProvider } from './i18n.tsx'
import { queryClient } from './query-client.ts'
import { ROUTES } from './routes.tsx'

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

// Every screen has a URL under /admin/ (the server answers index.html for all of them).
const router = createBrowserRouter(ROUTES, { basename: '/admin' })

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}
