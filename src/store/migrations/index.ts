import { initial } from './001-initial.ts'
import { publishing } from './002-publishing.ts'
import { auditTruncateGuard } from './003-audit-truncate-guard.ts'
import { articleOrderIndex } from './004-article-order-index.ts'
import { newestIndexes } from './005-newest-indexes.ts'
import { liveArticleIndexes } from './006-live-article-indexes.ts'
import { accountsAndWorkflow } from './007-accounts-and-workflow.ts'
import { reviewTrail } from './008-review-trail.ts'
import { siteTemplatesAndDailyViews } from './009-site-templates-and-daily-views.ts'
import { articleListIndexes } from './010-article-list-indexes.ts'
import { articleUrlPatterns } from './011-article-url-patterns.ts'
import { uniqueArticleUrls } from './012-unique-article-urls.ts'
import { keyedAuditChain } from './013-keyed-audit-chain.ts'
import { accountTakeoverGuards } from './014-account-takeover-guards.ts'
import { siteSearch } from './015-site-search.ts'
import { wordingListsAndColumnUpdateTypes } from './016-wording-lists-and-column-update-types.ts'
import { importedPages } from './017-imported-pages.ts'
import { interaction } from './018-interaction.ts'
import { jobs } from './019-jobs.ts'
import { linkChecks } from './021-link-checks.ts'
import { inspectionRuns } from './022-inspection-runs.ts'
import { letterPagesAndConsultations } from './023-letter-pages-and-consultations.ts'
import { publishLeases } from './024-publish-leases.ts'
import { questionnairesAndFeedback } from './025-questionnaires-and-feedback.ts'
import { publishTargets } from './026-publish-targets.ts'
import { pinsCopiesAndWatermarks } from './027-pins-copies-and-watermarks.ts'
import { adminListKeyIndexes } from './029-admin-list-key-indexes.ts'
import { dueStepIndexes } from './030-due-step-indexes.ts'
import { addressWindows } from './031-address-windows.ts'
import { submissions } from './032-submissions.ts'
import { topics } from './035-topics.ts'
import { sharedServerState } from './036-shared-server-state.ts'
import { columnArticleOrder } from './037-column-article-order.ts'
import { searchAsciiTokenizer } from './038-search-ascii-tokenizer.ts'
import { articleListGenerations } from './039-article-list-generations.ts'
import { searchRunEnds } from './040-search-run-ends.ts'
import { searchFile } from './041-search-file.ts'
import type { Migration } from './migration.ts'

export type { Migration } from './migration.ts'

export const migrations: readonly Migration[] = [
  initial,
  publishing,
  auditTruncateGuard,
  articleOrderIndex,
  newestIndexes,
  liveArticleIndexes,
  accountsAndWorkflow,
  reviewTrail,
  siteTemplatesAndDailyViews,
  articleListIndexes,
  articleUrlPatterns,
  uniqueArticleUrls,
  keyedAuditChain,
  accountTakeoverGuards,
  siteSearch,
  wordingListsAndColumnUpdateTypes,
  importedPages,
  interaction,
  jobs,
  linkChecks,
  inspectionRuns,
  letterPagesAndConsultations,
  publishLeases,
  questionnairesAndFeedback,
  publishTargets,
  pinsCopiesAndWatermarks,
  adminListKeyIndexes,
  dueStepIndexes,
  addressWindows,
  submissions,
  topics,
  sharedServerState,
  columnArticleOrder,
  searchAsciiTokenizer,
  articleListGenerations,
  searchRunEnds,
  searchFile,
]
