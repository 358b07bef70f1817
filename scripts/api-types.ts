import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAccounts } from '../src/accounts/index.ts'
import {
  createInspection,
  createLinkReports,
  createWordingGate,
  createWordLists,
} from '../src/checks/index.ts'
import { createContent, systemActor } from '../src/content/index.ts'
import { createInteraction } from '../src/interaction/index.ts'
import { createImportJobs } from '../src/jobs/index.ts'
import { Publisher, PublishQueue, themeExists } from '../src/publish/index.ts'
import { articleTextIndex } from '../src/search/index.ts'
import { createAdminApp } from '../src/server/admin-app.ts'
import { openStore } from '../src/store/index.ts'

/** An OpenAPI 3 document, as far as the types are written from it. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>
  readonly components?: { readonly schemas?: Record<string, JsonSchema> }
}
type JsonSchema = Record<string, unknown>
interface Operation {
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema: JsonSchema }[]
  readonly requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
  readonly responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>
}

/**
 * The admin API's OpenAPI document, built in this process as `fabu serve` builds it (every
 * optional part on), over a throwaway SQLite database: no server listens.
 */
export async function apiDocument(): Promise<OpenApiDocument> {
  const folder = await mkdtemp(join(tmpdir(), 'fabu-openapi-'))
  const store = await openStore({ sqlitePath: join(folder, 'fabu.db') })
  try {
    const wordingGate = createWordingGate()
    const content = createContent(store, { themeExists, articleText: articleTextIndex(store), wordingGate })
    const outputRootFor = (slug: string, prefix: string) => join(folder, 'sites', slug, prefix)
    const publisher = new Publisher(store, content, { outputRootFor, manifestDir: join(folder, 'manifests') })
    const queue = new PublishQueue(content, publisher, { system: systemActor(), onError: () => {} })
    const secret = Buffer.alloc(32)
    const app = await createAdminApp({
      store,
      content,
      accounts: createAccounts(store, {}),
      wordLists: createWordLists(store, content, wordingGate),
      inspection: createInspection(store, content, wordingGate, { outputRootFor }),
      links: createLinkReports(store, content),
      queue,
      outputRootFor,
      maxUploadBytes: 1024,
      trustedProxies: [],
      secureCookies: 'auto',
      logger: false,
      interaction: createInteraction(store, {
        keys: { current: { id: 'k', secret }, byId: new Map([['k', secret]]), source: 'openapi' },
      }),
      importJobs: createImportJobs(store, content, {
        dataDir: folder,
        command: { execPath: process.execPath, args: [], memoryMb: 256 },
        allowedPrivateOrigins: [],
      }),
      // The document is the same with or without metrics, whose route it hides.
    })
    await app.ready()
    const document = structuredClone(app.swagger()) as unknown as OpenApiDocument
    await app.close()
    await queue.stop()
    await publisher.close()
    return document
  } finally {
    await store.close()
    await rm(folder, { recursive: true, force: true })
  }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** `GET /api/sites/{site}/columns` → `GetApiSitesSiteColumns`. */
function operationName(method: string, path: string): string {
  return `${method}/${path}`
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('')
}

/** Refs to component schemas, rewritten to where the single schema compiled below keeps them. */
function localRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(localRefs)
  if (typeof schema !== 'object' || schema === null) return schema
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    copy[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', '#/definitions/')
        : localRefs(value)
  }
  return copy
}

const componentOf = (schema: JsonSchema | undefined) =>
  typeof schema?.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : null

/**
 * TypeScript for the document: an interface per component schema, and `ApiOperations` naming
 * every operation's params, query, body and response (`unknown` where the API describes none).
 */
export async function apiTypes(document: OpenApiDocument): Promise<string> {
  const { compile } = await import('json-schema-to-typescript')
  const definitions: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
    definitions[name] = { ...schema, title: name }
  const operations: string[] = []
  for (const path of Object.keys(document.paths).sort()) {
    for (const method of METHODS) {
      const operation = document.paths[path]?.[method]
      if (!operation) continue
      const name = operationName(method, path)
      const fields: string[] = []
      for (const place of ['path', 'query'] as const) {
        const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === place)
        if (parameters.length === 0) continue
        const title = `${name}${place === 'path' ? 'Params' : 'Query'}`
        definitions[title] = {
          title,
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
          required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
        }
        fields.push(`${place === 'path' ? 'params' : 'query'}: ${title}`)
      }
      const body = operation.requestBody?.content?.['application/json']?.schema
      if (body) {
        const title = componentOf(body) ?? `${name}Body`
        if (!componentOf(body)) definitions[title] = { ...body, title }
        fields.push(`body: ${title}`)
      }
      const [, answer] =
        Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2')) ?? []
      const response = answer?.content?.['application/json']?.schema
      fields.push(`response: ${componentOf(response) ?? 'unknown'}`)
      operations.push(`  '${method.toUpperCase()} ${path}': { ${fields.join('; ')} }`)
    }
  }
  const types = await compile(
    localRefs({ title: 'ApiSchemas', type: 'object', additionalProperties: false, definitions }) as never,
    'ApiSchemas',
    {
      bannerComment: '',
      unreachableDefinitions: true,
      additionalProperties: false,
      format: true,
      style: { semi: false, singleQuote: true, printWidth: 110 },
    },
  )
  return [
    '// Written by `npm run api:types` from the API’s OpenAPI document (scripts/write-api-types.ts).',
    '// Do not edit: change the route schemas in src/server and write it again.',
    '',
    types.replace(/export interface ApiSchemas \{\s*\}\n?/, '').trim(),
    '',
    '/** Every operation of the API by `METHOD /path`: what it takes and what it answers. */',
    'export interface ApiOperations {',
    ...operations,
    '}',
    '',
  ].join('\n')
}
