import type { Store } from '../store/index.ts'
import { type ArticleService, articleService } from './article-service.ts'
import { type ArticleViews, createArticleViews } from './article-views.ts'
import { type AuditQuery, type AuditRecord, listAudit } from './audit-log.ts'
import { type AuditVerification, verifyAudit } from './audit-verify.ts'
import { type ColumnService, columnService } from './column-service.ts'
import { type RecycleBin, recycleBin } from './recycle-bin.ts'
import { type ContentOptions, createServiceContext } from './service-context.ts'
import { type SiteService, siteService } from './site-service.ts'

/** The one typed API over fabu's content that the server, the admin UI and the CLI call. */
export interface Content {
  readonly sites: SiteService
  readonly columns: ColumnService
  readonly articles: ArticleService
  readonly recycleBin: RecycleBin
  readonly views: ArticleViews
  readonly audit: {
    list(query?: AuditQuery): Promise<readonly AuditRecord[]>
    verify(): Promise<AuditVerification>
  }
  /**
   * Stops the worker threads that clean bodies and compare revisions. Idle ones hold no process
   * open, busy ones do.
   */
  close(): Promise<void>
}

export function createContent(store: Store, options: ContentOptions = {}): Content {
  const ctx = createServiceContext(store, options)
  return Object.freeze({
    sites: siteService(ctx),
    columns: columnService(ctx),
    articles: articleService(ctx),
    recycleBin: recycleBin(ctx),
    views: createArticleViews(store),
    audit: {
      list: (query?: AuditQuery) => listAudit(store, query),
      verify: () => verifyAudit(store),
    },
    close: async () => {
      await Promise.all([ctx.bodySanitizer.close(), ctx.revisionDiffer.close()])
    },
  })
}
