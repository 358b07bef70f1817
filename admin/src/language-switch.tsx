import { Button } from 'antd'
import { useI18n } from './i18n.tsx'

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n()
  return (
    <Button
      type="link"
      lang={language === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
    >
      {t('language')}
    </Button>
  )
}
