import { z } from 'zod'
import { isCalendarDate } from '../content/index.ts'

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD|a date must be YYYY-MM-DD')
  .refine(isCalendarDate, '不是存在的日期|not a real date')

/** A search as a visitor (or the admin) asks it; the public endpoints read it from the query string. */
export const searchRequestSchema = z.object({
  /** The site searched from: its synonyms and its zone's days apply. */
  siteId: z.number().int().positive(),
  /** Capped by parseSearchQuery (100 characters, INVALID_SEARCH_QUERY); this only bounds the work. */
  q: z.string().max(100_000),
  /** Also the other sites of the installation that share their search (站群). */
  allSites: z.boolean().default(false),
  /** A column, with its descendants. */
  column: z.number().int().positive().optional(),
  /** Published from this day on, in the site's zone … */
  from: day.optional(),
  /** … up to and including this day. */
  to: day.optional(),
  in: z.enum(['all', 'title']).default('all'),
  sort: z.enum(['relevance', 'time']).default('relevance'),
  page: z.number().int().min(1).max(500).default(1),
  /** 信息公开: 发文机关 and 文号, exactly. */
  issuingAgency: z.string().trim().max(100).optional(),
  documentNo: z.string().trim().max(100).optional(),
  /** Counted for 热门搜索 (public searches are, the admin's are not). */
  isLogged: z.boolean().default(false),
})

export type SearchRequest = z.input<typeof searchRequestSchema>
