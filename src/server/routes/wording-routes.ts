import { z } from 'zod'
import { type Inspection, type WordLists, wordEntrySchema } from '../../checks/index.ts'
import { articleInputSchema, articleTexts } from '../../content/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'
import { wordingCheckSchema } from '../small-response-schemas.ts'

/** The fields of a draft the editor checks as it is written: nothing is saved. */
const draftSchema = articleInputSchema
  .pick({ title: true, subtitle: true, summary: true, bodyHtml: true, attachments: true })
  .partial()
  .strict()

/** A site's wording lists (错敏词), checking a draft against them, and the inspection self-check. */
export function wordingRoutes(wordLists: WordLists, inspection: Inspection): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/inspection',
      summary:
        'The inspection self-check (检查指标自查): each indicator with its rule, status, evidence and fix',
      tag: 'checks',
      access: 'signed-in',
      params: siteParams,
      handler: async ({ workspace, params }) => inspection.run(workspace.principal, siteRef(params.site)),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/words',
      summary: "The site's wording lists",
      tag: 'wording',
      access: 'signed-in',
      params: siteParams,
      handler: async ({ workspace, params }) => ({
        items: await wordLists.list(workspace.principal, siteRef(params.site)),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/words',
      summary: 'Add a word, or change an existing one (site administrators)',
      tag: 'wording',
      access: 'signed-in',
      params: siteParams,
      body: wordEntrySchema,
      status: 201,
      handler: async ({ workspace, params, body }) =>
        wordLists.add(workspace.principal, siteRef(params.site), body),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/words/remove',
      summary: 'Remove a word (site administrators)',
      tag: 'wording',
      access: 'signed-in',
      params: siteParams,
      body: z.object({ word: z.string().min(1).max(100) }).strict(),
      status: 204,
      handler: async ({ workspace, params, body }) => {
        await wordLists.remove(workspace.principal, siteRef(params.site), body.word)
        return null
      },
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/words/import',
      summary: 'Add or replace many words at once, all or nothing (site administrators)',
      tag: 'wording',
      access: 'signed-in',
      params: siteParams,
      body: z.object({ entries: z.array(z.unknown()).max(100_000) }).strict(),
      handler: async ({ workspace, params, body }) =>
        wordLists.import(workspace.principal, siteRef(params.site), body.entries),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/words/check',
      summary: 'Check a draft against the lists without saving it; hits with their places',
      tag: 'wording',
      access: 'signed-in',
      params: siteParams,
      body: draftSchema,
      response: wordingCheckSchema,
      handler: async ({ workspace, params, body }) => ({
        hits: await wordLists.check(
          workspace.principal,
          siteRef(params.site),
          articleTexts({
            title: body.title ?? '',
            subtitle: body.subtitle ?? '',
            summary: body.summary ?? '',
            bodyHtml: body.bodyHtml ?? '',
            attachments: body.attachments ?? [],
          }),
        ),
      }),
    }),
  ]
}
