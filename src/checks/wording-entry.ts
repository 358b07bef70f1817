import { z } from 'zod'

export const wordKinds = ['sensitive', 'political', 'advertising', 'protected'] as const
/**
 * sensitive: 敏感词; political: a wrong formulation of a political term (台湾国); advertising:
 * 广告法 absolute terms (国家级, 最佳); protected: a name written right (leaders, the institution),
 * whose near-misses are flagged, never the name itself.
 */
export type WordKind = (typeof wordKinds)[number]

export const wordLevels = ['block', 'warn'] as const
/** block: 禁用, refuses submit and publish; warn: 提示, shown only. */
export type WordLevel = (typeof wordLevels)[number]

export const wordKindLabels: Readonly<Record<WordKind, string>> = {
  sensitive: '敏感词 sensitive',
  political: '政治表述 political formulation',
  advertising: '广告法用语 advertising',
  protected: '保护名称 protected name',
}

/** One entry of a site's lists. */
export interface WordEntry {
  readonly word: string
  readonly kind: WordKind
  readonly level: WordLevel
  readonly suggestion: string | null
}

export const wordEntrySchema = z
  .object({
    word: z.string().trim().min(1).max(100),
    kind: z.enum(wordKinds),
    level: z.enum(wordLevels),
    suggestion: z
      .string()
      .trim()
      .max(100)
      .nullish()
      .transform((value) => (value ? value : null)),
  })
  .strict()

export type WordEntryInput = z.input<typeof wordEntrySchema>
