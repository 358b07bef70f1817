/** Words of publishing, the dashboard and templates. Every key needs both languages. */
export const zh = {}

export const en: Record<keyof typeof zh, string> = {}
