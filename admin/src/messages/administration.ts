/** Words of users, grants, sites, the audit log and the recycle bin. Every key needs both languages. */
export const zh = {}

export const en: Record<keyof typeof zh, string> = {}
