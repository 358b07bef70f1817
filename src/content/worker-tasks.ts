import type { ArticleSnapshot } from './article.ts'
import { diffSnapshots, type RevisionDiff } from './revision-diff.ts'
import { sanitizeBody } from './sanitize-body.ts'

/** A stored revision as the diff reads it: the snapshot still as JSON, parsed where it is diffed. */
export interface StoredRevision {
  readonly revision: number
  readonly snapshotJson: string
}

/**
 * The work content hands to worker threads, by name. The calling thread runs the same functions
 * for inputs too small to be worth the round trip, so both places give the same answer.
 */
export const workerTasks = {
  sanitize(input: { html: string; field: string; iframeHosts: readonly string[] }): string {
    return sanitizeBody(input.html, { field: input.field, iframeHosts: input.iframeHosts })
  },

  diffRevisions(input: { articleId: number; from: StoredRevision; to: StoredRevision }): RevisionDiff {
    const parse = (stored: StoredRevision) => ({
      revision: stored.revision,
      snapshot: JSON.parse(stored.snapshotJson) as ArticleSnapshot,
    })
    return diffSnapshots(input.articleId, parse(input.from), parse(input.to))
  },
}

export type WorkerTasks = typeof workerTasks
export type TaskName = keyof WorkerTasks
export type TaskInput<N extends TaskName> = Parameters<WorkerTasks[N]>[0]
export type TaskOutput<N extends TaskName> = ReturnType<WorkerTasks[N]>
