import { z } from 'zod'
import { articleStatuses } from '../content/index.ts'
import { apiComponents } from './response-schemas.ts'

/** The answers about one article: the article whole, its revisions and their differences, its uploads. */

export const attachmentSchema = z
  .looseObject({
    name: z.string(),
    url: z.string(),
    size: z.number().int().optional(),
    mimeType: z.string().optional(),
  })
  .register(apiComponents, { id: 'Attachment' })

export const disclosureSchema = z
  .looseObject({
    indexNo: z.string().nullable(),
    topicCategory: z.string(),
    issuingAgency: z.string(),
    writtenDate: z.string().nullable(),
    documentNo: z.string(),
    subjectWords: z.array(z.string()),
  })
  .register(apiComponents, { id: 'Disclosure' })

/** An article whole, as the editor opens it. */
export const articleSchema = z
  .looseObject({
    id: z.number().int(),
    siteId: z.number().int(),
    columnId: z.number().int(),
    alsoInColumnIds: z.array(z.number().int()),
    title: z.string(),
    subtitle: z.string(),
    source: z.string(),
    author: z.string(),
    summary: z.string(),
    keywords: z.array(z.string()),
    bodyHtml: z.string(),
    coverImage: z.string().nullable(),
    attachments: z.array(attachmentSchema),
    customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    weight: z.number().int(),
    pinnedUntil: z.string().nullable(),
    publishAt: z.string().nullable(),
    status: z.enum(articleStatuses),
    urlPath: z.string().nullable(),
    revision: z.number().int(),
    disclosure: disclosureSchema.nullable(),
    createdBy: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    reviewStage: z.number().int(),
    reviewComment: z.string().nullable(),
    unpublishAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    copiedFromId: z.number().int().nullable(),
    allowedActions: z.array(z.string()),
  })
  .register(apiComponents, { id: 'Article' })

/** The published pages that link to an article. */
export const linkingPageListSchema = z
  .object({
    items: z.array(
      z.looseObject({
        path: z.string(),
        /** The page's address on the site. */
        url: z.string(),
        kind: z.string(),
        /** The article the page is about (an article page), with its title. */
        articleId: z.number().int().nullable(),
        title: z.string().nullable(),
      }),
    ),
  })
  .register(apiComponents, { id: 'LinkingPageList' })

/** An article's revisions, newest first. */
export const revisionListSchema = z
  .object({
    items: z.array(
      z.looseObject({
        revision: z.number().int(),
        actor: z.string(),
        /** Who saved it as people know them. */
        actorName: z.string(),
        createdAt: z.string(),
      }),
    ),
  })
  .register(apiComponents, { id: 'RevisionList' })

/** What changed between two revisions: each field with both values, and the body word by word. */
export const revisionDiffSchema = z
  .looseObject({
    articleId: z.number().int(),
    from: z.number().int(),
    to: z.number().int(),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    /** The body as text (Chinese words found by the platform's segmenter). */
    body: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  })
  .register(apiComponents, { id: 'RevisionDiff' })

/** A stored upload's file: where it is served from, and a picture's size. */
const uploadedFileFields = {
  /** The name the user's file had: only shown, never part of the path. */
  name: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
}

/** An uploaded file, as the editor inserts it or adds it to the attachments. */
export const uploadResultSchema = z
  .looseObject({
    ...uploadedFileFields,
    kind: z.enum(['image', 'attachment']),
    sha256: z.string(),
    thumbnailUrl: z.string().nullable(),
    /** The full-size picture, when asked for and the image was scaled down for the web. */
    original: z.looseObject(uploadedFileFields).nullable(),
  })
  .register(apiComponents, { id: 'UploadResult' })
