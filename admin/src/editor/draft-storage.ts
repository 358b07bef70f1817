import type { EditorValues } from './editor-values.ts'

/** An unsaved state of the editor, kept in this browser until it is saved or thrown away. */
export interface StoredDraft {
  readonly savedAt: string
  /** The revision the draft was made on; null for a new article. */
  readonly baseRevision: number | null
  readonly values: EditorValues
}

/** Where a draft waits: per user (a shared office computer), site and article ('new' before the first save). */
export interface DraftPlace {
  readonly userId: number
  readonly siteId: number
  readonly articleId: number | null
}

const keyOf = ({ userId, siteId, articleId }: DraftPlace) =>
  `fabu.draft.${userId}.${siteId}.${articleId ?? 'new'}`

export function readDraft(place: DraftPlace): StoredDraft | null {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(place)) ?? 'null') as StoredDraft | null
    return stored && typeof stored === 'object' && stored.values ? stored : null
  } catch {
    return null
  }
}

export function writeDraft(place: DraftPlace, draft: StoredDraft): void {
  try {
    localStorage.setItem(keyOf(place), JSON.stringify(draft))
  } catch {
    // Storage full or off: the draft is only a safety net, the editor works on without it.
  }
}

export function clearDraft(place: DraftPlace): void {
  localStorage.removeItem(keyOf(place))
}
