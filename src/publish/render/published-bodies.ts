import { type PublishedBody, publishBody, publishBodyWithText } from './publish-body.ts'
import type { SiteRenderContext } from './render-context.ts'

/**
 * An article page's scope with its body as published: meaningful styles as classes, nothing
 * outside the body policy (publish-body.ts), and, for an article without a summary, the page
 * description from the body's text. It runs in the render process rather than where the jobs
 * are planned, so the publisher's one thread is not spent parsing every body of the site.
 */
export function withPublishedBody(
  data: Readonly<Record<string, unknown>>,
  storedBody: string,
  published: PublishedBody = publishBodyWithText(storedBody),
): Record<string, unknown> {
  const article = data.article as Readonly<Record<string, unknown>>
  const page = data.page as Readonly<Record<string, unknown>>
  const description = (article.summary as string) || excerpt(published.text)
  return {
    ...data,
    article: { ...article, body: published.html, description },
    page: { ...page, description },
  }
}

/**
 * A plain-text opening for the description meta tag, from the text of the parsed body: a
 * regular expression over the markup took attribute values holding `>` for text.
 */
function excerpt(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 120)
}

/**
 * The run's site data with every single-page column's body as published. The snapshot keeps
 * the bodies as stored, and each render process publishes them when it takes the run's data:
 * a site administrator's 2 MB page body took the publisher's one thread 1.6 s on every
 * publish and every preview when this ran where the snapshot is taken.
 */
export function withPublishedColumnBodies(context: SiteRenderContext): SiteRenderContext {
  const columns = Object.fromEntries(
    Object.entries(context.columns).map(([id, column]) => [
      id,
      column.body ? { ...column, body: publishBody(column.body) } : column,
    ]),
  )
  return { ...context, columns }
}
