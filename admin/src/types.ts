/** The shapes the API answers with, as its OpenAPI document describes them (`npm run api:types`). */
import type { ArticleSummary } from './api-types.gen.ts'

export type { ColumnNode, Grant, SessionView, Site } from './api-types.gen.ts'

/** An article as lists show it. */
export type Article = ArticleSummary

export type ArticleStatus = ArticleSummary['status']
