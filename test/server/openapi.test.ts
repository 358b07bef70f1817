import { validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

describe('the API description', () => {
  const t = useAdminServer(sqliteEngine)

  it('is a valid OpenAPI 3 document served at /api/openapi.json', async () => {
    const response = await t.client().get('/api/openapi.json')
    expect(response.status).toBe(200)
    expect(response.body.openapi).toMatch(/^3\./)
    const result = await validate(structuredClone(response.body))
    expect(result.valid, JSON.stringify(result.valid ? [] : result.errors)).toBe(true)
  })

  it('covers every API route, each with a summary', async () => {
    const document = (await t.client().get('/api/openapi.json')).body
    const described = new Set<string>()
    for (const [path, operations] of Object.entries<Record<string, { summary?: string }>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${path}`).toBeTruthy()
        described.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)
      }
    }
    expect(t.app.apiRoutes.length).toBeGreaterThan(40)
    expect(t.app.apiRoutes.filter((route) => !described.has(route))).toEqual([])
  })

  it('can be browsed at /api/docs', async () => {
    const page = await t.client().request('GET', '/api/docs/')
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain('swagger-ui')
  })
})
