/** The template API's answers, as its OpenAPI document describes them (`npm run api:types`). */
import type { TemplateList, TemplateSource } from '../api-types.gen.ts'

/** A template of the theme, and whether the site has its own version. */
export type TemplateItem = TemplateList['items'][number]

/** A template's source and the theme's own version. */
export type TemplateDetail = TemplateSource
