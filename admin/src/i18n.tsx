import { createContext, type ReactNode, useContext, useMemo, useState } from 'react'
import { setApiLanguage } from './api.ts'
import * as administration from './messages/administration.ts'
import * as audit from './messages/audit.ts'
import * as common from './messages/common.ts'
import * as editor from './messages/editor.ts'
import * as importing from './messages/import.ts'
import * as inspection from './messages/inspection.ts'
import * as interaction from './messages/interaction.ts'
import * as navigation from './messages/navigation.ts'
import * as publishing from './messages/publishing.ts'
import * as statistics from './messages/statistics.ts'
import * as submissions from './messages/submissions.ts'
import * as topics from './messages/topics.ts'

const zh = {
  ...common.zh,
  ...editor.zh,
  ...publishing.zh,
  ...administration.zh,
  ...interaction.zh,
  ...inspection.zh,
  ...importing.zh,
  ...statistics.zh,
  ...submissions.zh,
  ...topics.zh,
  ...navigation.zh,
  ...audit.zh,
}
const en: Record<MessageKey, string> = {
  ...common.en,
  ...editor.en,
  ...publishing.en,
  ...administration.en,
  ...interaction.en,
  ...inspection.en,
  ...importing.en,
  ...statistics.en,
  ...submissions.en,
  ...topics.en,
  ...navigation.en,
  ...audit.en,
}

export type MessageKey =
  | keyof typeof common.zh
  | keyof typeof editor.zh
  | keyof typeof publishing.zh
  | keyof typeof administration.zh
  | keyof typeof interaction.zh
  | keyof typeof inspection.zh
  | keyof typeof importing.zh
  | keyof typeof statistics.zh
  | keyof typeof submissions.zh
  | keyof typeof topics.zh
  | keyof typeof navigation.zh
  | keyof typeof audit.zh

export type Language = 'zh' | 'en'

interface I18n {
  readonly language: Language
  setLanguage(language: Language): void
  t(key: MessageKey, values?: Record<string, string | number>): string
}

const I18nContext = createContext<I18n | null>(null)

function initialLanguage(): Language {
  return localStorage.getItem('fabu.language') === 'en' ? 'en' : 'zh'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const chosen = initialLanguage()
    setApiLanguage(chosen)
    return chosen
  })
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage(next) {
        localStorage.setItem('fabu.language', next)
        setApiLanguage(next)
        document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN'
        setLanguageState(next)
      },
      t(key, values = {}) {
        const text = (language === 'en' ? en : zh)[key]
        return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
      },
    }),
    [language],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
