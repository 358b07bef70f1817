/** The template API's answers (src/server/routes/). */
export interface TemplateItem {
  /** The file name in the theme: `article.liquid`. */
  readonly name: string
  /** Whether the site has its own version instead of the theme's. */
  readonly isCustomized: boolean
  readonly updatedAt: string | null
}

export interface TemplateDetail {
  readonly name: string
  /** What the site renders with: its own version, or the theme's. */
  readonly source: string
  readonly defaultSource: string
  readonly isCustomized: boolean
}
