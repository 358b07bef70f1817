/** Words of the article editor, revisions and the workflow buttons. Every key needs both languages. */
export const zh = {}

export const en: Record<keyof typeof zh, string> = {}
