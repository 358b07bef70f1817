import { z } from 'zod'
import type { Accounts } from '../../accounts/index.ts'
import { roles } from '../../content/index.ts'
import { type ApiRoute, idParams, queryNumber, route } from '../api-route.ts'
import { asAttachment } from '../as-attachment.ts'
import { auditCsv } from '../audit-csv.ts'
import { auditListSchema, auditVerificationSchema, userListSchema } from '../response-schemas.ts'
import { passwordResetSchema } from '../small-response-schemas.ts'

export function accountRoutes(accounts: Accounts): ApiRoute[] {
  const { users } = accounts
  return [
    route({
      method: 'GET',
      url: '/api/users',
      summary: 'All user accounts (system and security administrators)',
      tag: 'users',
      access: 'signed-in',
      response: userListSchema,
      handler: async ({ session }) => ({ items: await users.list(session.principal) }),
    }),
    route({
      method: 'POST',
      url: '/api/users',
      summary: 'Create an account (system administrators); the password must pass the policy',
      tag: 'users',
      access: 'signed-in',
      body: z
        .object({
          userName: z.string().max(64),
          displayName: z.string().max(100),
          password: z.string().max(1000),
          mustChangePassword: z.boolean().optional(),
        })
        .strict(),
      status: 201,
      handler: async ({ session, body }) => users.create(session.principal, body),
    }),
    route({
      method: 'GET',
      url: '/api/users/:id',
      summary: 'An account',
      tag: 'users',
      access: 'signed-in',
      params: idParams,
      handler: async ({ session, params }) => users.get(session.principal, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/users/:id',
      summary: 'Rename or disable an account (system administrators)',
      tag: 'users',
      access: 'signed-in',
      params: idParams,
      body: z
        .object({ displayName: z.string().max(100).optional(), disabled: z.boolean().optional() })
        .strict(),
      handler: async ({ session, params, body }) => users.update(session.principal, params.id, body),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/password',
      summary:
        'Reset a password (security administrators): answers a random one-time password, to show once, that only lets the user set their own',
      tag: 'users',
      access: 'signed-in',
      params: idParams,
      // No password in the body: the administrator cannot choose it (三员分立, docs/server.md).
      body: z.object({}).strict(),
      response: passwordResetSchema,
      handler: async ({ session, params }) => ({
        password: await users.resetPassword(session.principal, params.id),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/unlock',
      summary: 'Unlock an account locked by failed sign-ins (security administrators)',
      tag: 'users',
      access: 'signed-in',
      params: idParams,
      handler: async ({ session, params }) => users.unlock(session.principal, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/users/:id/grants',
      summary: 'Grant a role, installation-wide, in a site or in a column subtree (security administrators)',
      tag: 'users',
      access: 'signed-in',
      params: idParams,
      body: z
        .object({
          role: z.enum(roles),
          siteId: z.number().int().positive().nullable().optional(),
          columnId: z.number().int().positive().nullable().optional(),
          reviewLevel: z.number().int().min(1).max(3).nullable().optional(),
        })
        .strict(),
      status: 201,
      handler: async ({ session, params, body }) =>
        users.grant(session.principal, { ...body, userId: params.id }),
    }),
    route({
      method: 'DELETE',
      url: '/api/grants/:id',
      summary: 'Revoke a grant (security administrators)',
      tag: 'users',
      access: 'signed-in',
      params: idParams,
      handler: async ({ session, params }) => users.revoke(session.principal, params.id),
    }),
  ]
}

const auditQuery = z
  .object({
    limit: queryNumber.min(1).max(1000).optional(),
    beforeId: queryNumber.positive().optional(),
    action: z.string().max(100).optional(),
  })
  .strict()

export function auditRoutes(): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/audit',
      summary: 'The audit log, newest first (audit administrators)',
      tag: 'audit',
      access: 'signed-in',
      query: auditQuery,
      response: auditListSchema,
      handler: async ({ workspace, query }) => {
        const items = await workspace.audit.list(query)
        // Who read the log, and what they looked for, is audited too.
        await workspace.audit.record('audit.list', 'audit', '', { filters: query, count: items.length })
        return { items }
      },
    }),
    route({
      method: 'GET',
      url: '/api/audit/export.csv',
      summary: 'The audit log as CSV (audit administrators)',
      tag: 'audit',
      access: 'signed-in',
      query: auditQuery,
      handler: async ({ workspace, query, reply }) => {
        const filters = { ...query, limit: query.limit ?? 1000 }
        const records = await workspace.audit.list(filters)
        await workspace.audit.record('audit.export', 'audit', '', { filters, count: records.length })
        return asAttachment(reply, 'fabu-audit.csv').send(auditCsv(records))
      },
    }),
    route({
      method: 'GET',
      url: '/api/audit/verify',
      summary: 'Check the audit log’s hash chain (audit administrators)',
      tag: 'audit',
      access: 'signed-in',
      response: auditVerificationSchema,
      handler: async ({ workspace }) => workspace.audit.verify(),
    }),
  ]
}
