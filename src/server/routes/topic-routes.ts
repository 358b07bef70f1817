import { type Topics, topicInputSchema, topicPatchSchema } from '../../topics/index.ts'
import { type ApiRoute, idParams, route, siteParams, siteRef } from '../api-route.ts'
import { topicListSchema, topicSchema, topicStarterListSchema } from '../site-group-response-schemas.ts'

/** 专题: the starters, a site's topics, 新建专题 and a topic's banner. The service checks who may. */
export function topicRoutes(topics: Topics): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/topic-starters',
      summary: 'What 新建专题 starts from: each starter’s sub-columns and template set',
      tag: 'topics',
      access: 'signed-in',
      response: topicStarterListSchema,
      handler: async () => ({ items: topics.starters }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/topics',
      summary: 'The site’s 专题 (special topics), in the order of the column tree',
      tag: 'topics',
      access: 'signed-in',
      params: siteParams,
      response: topicListSchema,
      handler: async ({ workspace, params }) => ({
        items: await topics.list(workspace.principal, siteRef(params.site)),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/topics',
      summary: 'Create a 专题 from a starter, with its sub-columns (site administrators)',
      tag: 'topics',
      access: 'signed-in',
      body: topicInputSchema,
      status: 201,
      response: topicSchema,
      handler: async ({ workspace, body }) => topics.create(workspace.principal, body),
    }),
    route({
      method: 'PATCH',
      url: '/api/topics/:id',
      summary: 'Change a 专题’s banner or template set (site administrators)',
      tag: 'topics',
      access: 'signed-in',
      params: idParams,
      body: topicPatchSchema,
      response: topicSchema,
      handler: async ({ workspace, params, body }) => topics.update(workspace.principal, params.id, body),
    }),
  ]
}
