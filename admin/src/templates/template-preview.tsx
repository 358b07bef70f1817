import { Card } from 'antd'
import { useEffect, useMemo } from 'react'
import { useI18n } from '../i18n.tsx'
import { quietPreviewHtml } from './quiet-preview-html.ts'

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

/**
 * A page for a tab of its own that shows the preview in a sandboxed frame: the blob's page has
 * the admin's origin, so the template's HTML must not be that page itself. Its one style
 * element carries this load's nonce (the policy has no 'unsafe-inline').
 */
function framingPage(html: string, title: string, language: string): string {
  const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? ''
  return (
    `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>${escapeAttribute(title)}</title>` +
    `<style nonce="${escapeAttribute(nonce)}">html,body{margin:0;height:100%}iframe{display:block;border:0;width:100%;height:100%}</style>` +
    `<iframe sandbox="" title="${escapeAttribute(title)}" srcdoc="${escapeAttribute(html)}"></iframe></html>`
  )
}

/**
 * The page as the edited template renders it, in a frame without scripts, forms or the admin's
 * origin (sandbox=""). The frame keeps the admin's policy, so the site's styles could not load
 * anyway: what would load is taken out first (quietPreviewHtml).
 */
export function TemplatePreview({ name, html: rendered }: { name: string; html: string }) {
  const { t, language } = useI18n()
  const title = t('templatePreviewFrame', { name })
  const html = useMemo(() => quietPreviewHtml(rendered), [rendered])
  const href = useMemo(
    () =>
      URL.createObjectURL(
        new Blob([framingPage(html, title, language === 'en' ? 'en' : 'zh-CN')], {
          type: 'text/html;charset=utf-8',
        }),
      ),
    [html, title, language],
  )
  useEffect(() => () => URL.revokeObjectURL(href), [href])
  return (
    <Card
      className="section-card template-preview"
      title={<h3 className="card-title">{t('templatePreviewTitle')}</h3>}
      extra={
        <a href={href} target="_blank" rel="noopener">
          {t('templateOpenPreview')}
        </a>
      }
    >
      <p className="template-hint">{t('templatePreviewNote')}</p>
      <iframe sandbox="" title={title} srcDoc={html} />
    </Card>
  )
}
