import { createReadStream, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { perform, type ServiceContext } from '../../content/index.ts'
import { BadRequestError, InvalidEncodingError, TooLargeError } from '../../errors/index.ts'
import {
  type AcceptedUpload,
  acceptUpload,
  contentTypeOf,
  isKnownExtension,
  storeUpload,
} from '../../uploads/index.ts'
import { type ApiRoute, queryFlag, route, siteParams, siteRef } from '../api-route.ts'
import { uploadResultSchema } from '../article-response-schemas.ts'

export interface UploadSettings {
  readonly maxBytes: number
  /** The folder a site's published files live in; uploads go under its `uploads/`. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
  /** Images are scaled down to this longest side. */
  readonly imageMaxSide: number
}

const uploadQuery = z
  .object({
    /** Keep the full-size picture too (as an attachment), when the image is scaled down. */
    keepOriginal: queryFlag.optional(),
  })
  .strict()

/**
 * Uploads: the file's bytes decide its type, images are re-encoded, files are stored by
 * content hash under the site's `uploads/` and served from the published site. Nothing of the
 * request names a path: the client's file name is only shown.
 */
export function uploadRoutes(ctx: ServiceContext, settings: UploadSettings): ApiRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/sites/:site/uploads',
      summary:
        'Upload an image or attachment (multipart/form-data, one field `file`); images are scaled to the configured longest side',
      tag: 'uploads',
      access: 'signed-in',
      params: siteParams,
      query: uploadQuery,
      consumes: 'multipart/form-data',
      status: 201,
      response: uploadResultSchema,
      handler: async ({ request, workspace, session, params, query }) => {
        const site = await workspace.requireUploader(siteRef(params.site))
        const file = await readOneFile(request, settings.maxBytes)
        const root = join(settings.outputRootFor(site.slug, site.outputPrefix), 'uploads')
        return perform(
          ctx,
          session.principal.actor,
          'upload.create',
          { type: 'site', id: site.id },
          async () => {
            const accepted = await acceptUpload(
              { bytes: file.bytes, fileName: file.name },
              { maxFileBytes: settings.maxBytes },
              {
                maxSide: settings.imageMaxSide,
                keepsOriginal: query.keepOriginal ?? false,
                watermark: site.watermark,
              },
            )
            const stored = await storeUpload(root, accepted)
            const original = accepted.original ? await storeOriginal(root, accepted.original) : null
            const value = {
              kind: accepted.kind,
              name: accepted.displayName,
              mimeType: accepted.mimeType,
              size: accepted.bytes.length,
              sha256: accepted.sha256,
              url: `/uploads/${stored.path}`,
              thumbnailUrl: stored.thumbnailPath === null ? null : `/uploads/${stored.thumbnailPath}`,
              width: accepted.width ?? null,
              height: accepted.height ?? null,
              original,
            }
            return {
              value,
              targetId: site.id,
              detail: {
                name: value.name,
                sha256: value.sha256,
                size: value.size,
                ...(original ? { originalSha256: accepted.original?.sha256 } : {}),
              },
            }
          },
        )
      },
    }),
  ]
}

/** The full-size picture beside a scaled one: what the editor adds to the attachments. */
async function storeOriginal(root: string, original: AcceptedUpload) {
  const stored = await storeUpload(root, original)
  return {
    name: original.displayName,
    mimeType: original.mimeType,
    size: original.bytes.length,
    url: `/uploads/${stored.path}`,
    width: original.width ?? null,
    height: original.height ?? null,
  }
}

/** `ab/cd/<sha256>.<ext>` or its `.thumb.webp`: the only shape of a stored upload's path. */
const STORED_PATH = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})(?:\.thumb)?\.([a-z0-9]{2,4})$/

/**
 * The uploads of the sites a signed-in user works in, on the admin origin, so the editor
 * shows the pictures of an article being written. Files are found by content hash; the path
 * is checked against the one shape storage uses before it touches the file system.
 */
export function registerUploadFiles(
  app: FastifyInstance,
  settings: Pick<UploadSettings, 'outputRootFor'>,
): void {
  app.get<{ Params: { '*': string } }>('/uploads/*', { schema: { hide: true } }, async (request, reply) => {
    const match = STORED_PATH.exec(request.params['*'])
    const workspace = request.fabuWorkspace
    const extension = match?.[4]
    if (
      !match ||
      !workspace ||
      !extension ||
      !isKnownExtension(extension) ||
      `${match[1]}${match[2]}` !== match[3]?.slice(0, 4)
    ) {
      return reply.code(404).type('text/plain; charset=utf-8').send('404')
    }
    // Not `list()`: a mailbox handler sees the site in the admin, but not its files.
    for (const site of await workspace.sites.listWithContent()) {
      const file = join(settings.outputRootFor(site.slug, site.outputPrefix), 'uploads', request.params['*'])
      if (!existsSync(file)) continue
      const type = request.params['*'].endsWith('.thumb.webp')
        ? 'image/webp'
        : contentTypeOf(extension).mimeType
      return reply
        .type(type)
        .header('cache-control', 'private, max-age=3600')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(createReadStream(file))
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('404')
  })
}

async function readOneFile(
  request: import('fastify').FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Buffer; name: string }> {
  if (!request.isMultipart()) {
    throw new BadRequestError({
      zh: '请以 multipart/form-data 上传文件',
      en: 'upload the file as multipart/form-data',
    })
  }
  let part: MultipartFile | undefined
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5 } })
  } catch {
    throw new BadRequestError({ zh: '上传内容无法解析', en: 'the upload cannot be read' })
  }
  if (!part) throw new BadRequestError({ zh: '请求中没有文件', en: 'the request holds no file' })
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new TooLargeError({ zh: '上传的文件', en: 'the upload' }, maxBytes)
    throw new BadRequestError({ zh: '上传内容无法解析', en: 'the upload cannot be read' })
  })
  if (part.file.truncated) throw new TooLargeError({ zh: '上传的文件', en: 'the upload' }, maxBytes)
  // The multipart parser decodes the file name leniently, each invalid byte becoming U+FFFD;
  // a name shown to readers and offered for download must not lose its characters unnoticed.
  if (part.filename.includes('\uFFFD')) throw new InvalidEncodingError('file name', 'UTF-8')
  return { bytes, name: part.filename }
}
