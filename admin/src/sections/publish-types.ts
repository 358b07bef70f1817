/** The publishing API's answers, as its OpenAPI document describes them (`npm run api:types`). */
import type { PublishPlan } from '../api-types.gen.ts'

export type {
  FailedPage,
  PublishJob,
  PublishPlan,
  PublishRun,
  PublishRunDetail,
} from '../api-types.gen.ts'

/** Incremental rewrites what changed; full rewrites every page. */
export type PublishMode = PublishPlan['mode']
