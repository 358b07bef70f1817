import { z } from 'zod'

/** A 专题's own settings, kept on its column (columns.topic). */
export interface TopicSettings {
  /** The banner picture as uploaded (`/uploads/ab/cd/<sha256>.jpg`); null: none yet. */
  readonly banner: string | null
  /**
   * The template set its pages use: `<set>-index.liquid` for the topic's own page and
   * `<set>-list.liquid` for the lists of its sub-columns (unless a column names its own).
   */
  readonly templateSet: string
}

export const DEFAULT_TOPIC_SETTINGS: TopicSettings = Object.freeze({ banner: null, templateSet: 'topic' })

/** Only a picture stored by the upload route: its path is made from its content hash. */
export const bannerSchema = z
  .string()
  .regex(
    /^\/uploads\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.(?:jpg|jpeg|png|gif|webp)$/,
    '须为上传的图片|must be an uploaded picture',
  )
  .nullable()

export const templateSetSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,40}$/,
    '模板组名只能含小写字母、数字和连字符|lowercase letters, digits and - only',
  )

/** The stored JSON read back; a topic column written without settings gets the defaults. */
export function parseTopicSettings(json: string | null): TopicSettings {
  if (json === null) return DEFAULT_TOPIC_SETTINGS
  const parsed = z
    .object({ banner: bannerSchema.catch(null), templateSet: templateSetSchema.catch('topic') })
    .safeParse(typeof json === 'string' ? JSON.parse(json) : json)
  return parsed.success ? parsed.data : DEFAULT_TOPIC_SETTINGS
}
