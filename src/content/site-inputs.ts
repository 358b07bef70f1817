import { z } from 'zod'
import { isTimeZone } from '../markup/index.ts'
import { articleUrlPatternSchema, DEFAULT_ARTICLE_URL_PATTERN } from './article-url-pattern.ts'
import { nameSchema } from './name-schema.ts'
import { siteAddressProblem } from './site-address.ts'

const text = (max: number) => z.string().trim().max(max)

export const siteFields = {
  slug: z.string().regex(
    // At least one letter: an all-digit slug could not be told from a site id.
    /^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{0,62}$/,
    '站点代号只能含小写字母、数字和连字符|use lowercase letters, digits and hyphens',
  ),
  name: nameSchema(200),
  baseUrl: z
    .url({ protocol: /^https?$/, error: '须为 http(s) 网址|must be an http(s) URL' })
    .superRefine((address, ctx) => {
      const problem = siteAddressProblem(address)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  language: z.enum(['zh-CN', 'en']),
  timeZone: z.string().refine(isTimeZone, '不是有效的时区|not a known time zone'),
  // A prefix is a folder under the site's output; a long one makes every publish fail on
  // the file system's path limit, so it is kept short.
  outputPrefix: z
    .string()
    .max(100, '输出路径前缀最多 100 个字符|at most 100 characters')
    .regex(
      /^(?:[a-z0-9_-]+(?:\/[a-z0-9_-]+)*)?$/,
      '须为由小写字母、数字组成的相对路径|must be a relative path of lowercase segments',
    ),
  theme: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      '主题名只能含小写字母、数字和连字符|use lowercase letters, digits and hyphens',
    ),
  orgCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{0,32}$/, '机构代码只能含字母、数字和连字符|letters, digits and hyphens only'),
  siteIdCode: text(32),
  icp: text(100),
  policeRecord: text(100),
  sponsor: text(200),
  contact: text(500),
  /** Where an article's page goes when first published (docs/publishing.md). */
  articleUrlPattern: articleUrlPatternSchema,
  /** Whether the other sites of the installation find this site's pages in their search (站群). */
  sharesSearch: z.boolean(),
  /** Text drawn in a corner of the pictures uploaded into the site (empty: none). */
  watermark: text(40),
}

export const siteInputSchema = z
  .object({
    ...siteFields,
    language: siteFields.language.default('zh-CN'),
    timeZone: siteFields.timeZone.default('Asia/Shanghai'),
    outputPrefix: siteFields.outputPrefix.default(''),
    theme: siteFields.theme.default('default'),
    orgCode: siteFields.orgCode.default(''),
    siteIdCode: siteFields.siteIdCode.default(''),
    icp: siteFields.icp.default(''),
    policeRecord: siteFields.policeRecord.default(''),
    sponsor: siteFields.sponsor.default(''),
    contact: siteFields.contact.default(''),
    articleUrlPattern: siteFields.articleUrlPattern.default(DEFAULT_ARTICLE_URL_PATTERN),
    sharesSearch: siteFields.sharesSearch.default(false),
    watermark: siteFields.watermark.default(''),
  })
  .strict()

export const sitePatchSchema = z.object(siteFields).partial().strict()

export type SiteInput = z.input<typeof siteInputSchema>
export type SitePatch = z.input<typeof sitePatchSchema>
