import type { PageLink } from '../../markup/index.ts'
import type { FieldQuery } from '../render/render-context.ts'

/** What the planner hands the renderer: one page, with all the data it shows. */
export interface PageJob {
  /** Output path relative to the site's folder, `jcdj/jswm/index.html`. */
  readonly path: string
  readonly kind: PageKind
  /** The article or column the page is about, for the published-page index. */
  readonly refId: number | null
  /** The template file; null for files written as they are (feeds, sitemap.xml, assets). */
  readonly template: string | null
  /** The scope the template sees (plain data), or the file's bytes as text when template is null. */
  readonly data: Readonly<Record<string, unknown>> | string | Uint8Array
  /**
   * An article page's body as stored: the renderer publishes it into `article.body` (and the
   * description) in its own process, once for the page and its print view.
   */
  readonly storedBody?: string
  /**
   * Where a preview served from the admin origin loads the site's styles and images from: the
   * renderer puts `<base href>` first in the page's head (with-base-href.ts).
   */
  readonly baseHref?: string
  /** Data keys the page shows besides its subject, known before rendering (`article:12`). */
  readonly deps: readonly string[]
}

export type PageKind =
  | 'home'
  | 'list'
  | 'page'
  | 'article'
  | 'print'
  | 'redirect'
  | 'search'
  | 'notfound'
  | 'sitemap'
  | 'feed'
  | 'robots'
  | 'asset'
  | 'letters'
  | 'letter'
  | 'consultations'
  | 'consultation'

/** What rendering one page came to. */
export interface PageResult {
  readonly path: string
  readonly kind: PageKind
  readonly refId: number | null
  /**
   * `added`: a page new to the output folder; `changed`: new bytes over a published page;
   * `needs-data`: the template asked field queries not answered yet (`needs`), nothing written.
   */
  readonly outcome: 'added' | 'changed' | 'unchanged' | 'failed' | 'needs-data'
  readonly hash: string
  readonly deps: readonly string[]
  readonly templates: readonly string[]
  readonly error?: string
  readonly needs?: readonly FieldQuery[]
  /** A written HTML page's links and images, for the link check after the run. */
  readonly links?: readonly PageLink[]
}
