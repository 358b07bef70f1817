import { z } from 'zod'
import {
  articleStatuses,
  type ColumnAction,
  columnActions,
  columnKinds,
  columnUpdateTypes,
  fieldDefinitionSchema,
  roles,
} from '../content/index.ts'

/**
 * The shapes the API answers with, each named: they become the OpenAPI document's component
 * schemas, from which the admin's types are written (`npm run api:types`). Objects are loose:
 * they name what clients may rely on, and an answer may carry more (responses are sent as
 * they are, never cut down to the schema; see api-route.ts).
 */
export const apiComponents = z.registry<{ id: string }>()

export const grantSchema = z
  .looseObject({
    id: z.number().int(),
    role: z.enum(roles),
    siteId: z.number().int().nullable(),
    columnId: z.number().int().nullable(),
    reviewLevel: z.number().int().nullable(),
  })
  .register(apiComponents, { id: 'Grant' })

export const sessionViewSchema = z
  .looseObject({
    user: z.looseObject({
      id: z.number().int(),
      userName: z.string(),
      displayName: z.string(),
      grants: z.array(grantSchema),
      hasSecondFactor: z.boolean(),
    }),
    csrfToken: z.string(),
    secondFactorPending: z.boolean(),
    mustChangePassword: z.boolean(),
    expiresAt: z.string(),
    /** Installation-wide actions (三员分立): administerSystem, administerSecurity, readAudit. */
    allowedActions: z.array(z.string()),
  })
  .register(apiComponents, { id: 'SessionView' })

export const sessionStateSchema = z
  .object({ session: sessionViewSchema.nullable() })
  .register(apiComponents, { id: 'SessionState' })

/** A site's settings, as creating or changing a site answers them. */
export const siteSettingsSchema = z
  .looseObject({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    timeZone: z.string(),
    theme: z.string(),
    /** 机构代码, 网站标识码, ICP备案号, 公安备案号, 主办单位: what the pages' footer shows. */
    orgCode: z.string(),
    siteIdCode: z.string(),
    icp: z.string(),
    policeRecord: z.string(),
    sponsor: z.string(),
    contact: z.string(),
    /** Where an article's page goes when first published, `{column}/{yyyy}/{mm}/{dd}/{id}.html`. */
    articleUrlPattern: z.string(),
    /** The other sites of the installation find its pages in their search (站群). */
    sharesSearch: z.boolean(),
    /** Drawn on the pictures uploaded into the site; empty: none. */
    watermark: z.string(),
  })
  .register(apiComponents, { id: 'SiteSettings' })

/** A site as the user sees it: its settings and what they may do in it. */
export const siteSchema = siteSettingsSchema
  .extend({
    /** What the user may do in the site, as the server works it out (publish, manageColumns, …). */
    allowedActions: z.array(z.string()),
  })
  .register(apiComponents, { id: 'Site' })

export const siteListSchema = z
  .object({ items: z.array(siteSchema) })
  .register(apiComponents, { id: 'SiteList' })

/** Where a column sits: what every answer about a column (a node, the column whole, a 专题) starts with. */
export const columnPlaceFields = {
  id: z.number().int(),
  siteId: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  slug: z.string(),
  /** Slugs from the root down, joined by '/': the column's URL path (`jcdj/jswm`). */
  path: z.string(),
}

// The content service's own schema: a column's custom fields are described where they are checked.
fieldDefinitionSchema.register(apiComponents, { id: 'FieldDefinition' })

/** A column whole, as the column form edits it. */
export const columnSchema = z
  .looseObject({
    ...columnPlaceFields,
    kind: z.enum(columnKinds),
    pageSize: z.number().int(),
    includesDescendants: z.boolean(),
    isDisclosure: z.boolean(),
    /** 0 none, 1 初审, 2 复审, 3 终审. */
    reviewLevels: z.number().int(),
    updateType: z.enum(columnUpdateTypes),
    linkUrl: z.string().nullable(),
    /** The custom fields the column asks its articles for. */
    fieldSchema: z.array(fieldDefinitionSchema),
  })
  .register(apiComponents, { id: 'Column' })

export interface ColumnNodeShape extends z.output<typeof columnSchema> {
  readonly allowedActions: readonly ColumnAction[]
  readonly children: readonly ColumnNodeShape[]
}

/** A column of the site's tree: the column whole, what the user may do in it, and its children. */
export const columnNodeSchema: z.ZodType<ColumnNodeShape> = z.looseObject({
  ...columnSchema.shape,
  /** What the signed-in user may do in the column: `write` (and copy into it), `review`. */
  allowedActions: z.array(z.enum(columnActions)),
  get children() {
    return z.array(columnNodeSchema)
  },
})
columnNodeSchema.register(apiComponents, { id: 'ColumnNode' })

export const columnTreeSchema = z
  .object({ roots: z.array(columnNodeSchema) })
  .register(apiComponents, { id: 'ColumnTree' })

export const articleSummarySchema = z
  .looseObject({
    id: z.number().int(),
    siteId: z.number().int(),
    columnId: z.number().int(),
    title: z.string(),
    status: z.enum(articleStatuses),
    createdBy: z.string(),
    publishAt: z.string().nullable(),
    updatedAt: z.string(),
    revision: z.number().int(),
    weight: z.number().int(),
    /** Review levels passed so far while submitted; the article waits for the next one. */
    reviewStage: z.number().int(),
    /** The reviewer's comment of the last rejection. */
    reviewComment: z.string().nullable(),
    /** Set while it is in the recycle bin. */
    deletedAt: z.string().nullable(),
    deletedBy: z.string().nullable(),
    /** What the user may do with it, as the server works it out (edit, submit, recall, …). */
    allowedActions: z.array(z.string()),
  })
  .register(apiComponents, { id: 'ArticleSummary' })

export const articleListSchema = z
  .object({ items: z.array(articleSummarySchema), total: z.number().int() })
  .register(apiComponents, { id: 'ArticleList' })

export const userAccountSchema = z
  .looseObject({
    id: z.number().int(),
    userName: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    mustChangePassword: z.boolean(),
    hasSecondFactor: z.boolean(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    grants: z.array(grantSchema),
  })
  .register(apiComponents, { id: 'UserAccount' })

export const userListSchema = z
  .object({ items: z.array(userAccountSchema) })
  .register(apiComponents, { id: 'UserList' })

export const auditRecordSchema = z
  .looseObject({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    address: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    outcome: z.string(),
    errorCode: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    /** The user's display name (the recorded actor stays in `actor`). */
    actorName: z.string(),
    /** The target's title or name, when the server knows it. */
    targetName: z.string().nullable(),
  })
  .register(apiComponents, { id: 'AuditRecord' })

export const auditListSchema = z
  .object({ items: z.array(auditRecordSchema) })
  .register(apiComponents, { id: 'AuditList' })

/** Whether the audit log's hash chain holds, or where it breaks. */
export const auditVerificationSchema = z
  .looseObject({
    isIntact: z.boolean(),
    /** Records whose links were checked. */
    checked: z.number().int(),
    /** Of those, records chained without a key by a version before keys. */
    legacy: z.number().int(),
    /** Checkpoints outside the database that the log was compared with. */
    checkpoints: z.number().int(),
    /** The first record whose link does not match, or that a checkpoint saw otherwise. */
    brokenAt: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .register(apiComponents, { id: 'AuditVerification' })

/** The internal links and images a publish run found leading to no file. */
export const brokenLinkListSchema = z
  .object({
    items: z.array(
      z.looseObject({
        runId: z.number().int(),
        path: z.string(),
        articleId: z.number().int().nullable(),
        title: z.string().nullable(),
        /** The article's last editor: the one to tell. */
        editor: z.string().nullable(),
        element: z.string(),
        href: z.string(),
      }),
    ),
  })
  .register(apiComponents, { id: 'BrokenLinkList' })

/** A template's source, and the theme's own version beside it. */
export const templateSourceSchema = z
  .looseObject({
    name: z.string(),
    /** What the site renders with: its own version, or the theme's. */
    source: z.string(),
    defaultSource: z.string(),
    isCustomized: z.boolean(),
  })
  .register(apiComponents, { id: 'TemplateSource' })

/** The theme's templates, those the site has its own version of marked. */
export const templateListSchema = z
  .object({
    items: z.array(
      z.looseObject({
        /** The file name in the theme: `article.liquid`. */
        name: z.string(),
        isCustomized: z.boolean(),
        /** When the site's own version was last saved; null for the theme's. */
        updatedAt: z.string().nullable(),
      }),
    ),
  })
  .register(apiComponents, { id: 'TemplateList' })
