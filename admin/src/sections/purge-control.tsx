import { App, Button, InputNumber, Space } from 'antd'
import { useId, useState } from 'react'
import { api } from '../api.ts'
import type { PurgeResult } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import { useErrorText } from './error-alert.tsx'
import { useConfirm } from './use-confirm.tsx'

/**
 * Empties the recycle bin for good (system administrators): what has been in it longer than
 * the days given, or than the configured retention when none are given. Asks first.
 */
export function PurgeControl({ onPurged }: { onPurged(): void }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const errorText = useErrorText()
  const confirm = useConfirm()
  const [days, setDays] = useState<number | null>(null)
  const inputId = useId()

  function purge() {
    confirm({
      title: t('purgeConfirm'),
      content: days === null ? t('purgeConfirmRetention') : t('purgeConfirmDays', { n: days }),
      okText: t('purge'),
      async onOk() {
        try {
          const result = await api<PurgeResult>(
            'POST',
            '/api/recycle-bin/purge',
            days === null ? {} : { olderThanDays: days },
          )
          message.success(t('purged', { articles: result.articles, columns: result.columns }))
          onPurged()
        } catch (caught) {
          message.error(errorText(caught))
        }
      },
    })
  }

  return (
    <Space wrap className="tab-toolbar">
      <label htmlFor={inputId}>{t('purgeOlderThan')}</label>
      <InputNumber<number>
        id={inputId}
        min={0}
        max={36_500}
        precision={0}
        value={days}
        onChange={setDays}
        placeholder={t('purgeRetention')}
        suffix={t('days')}
        className="form-wide"
      />
      <Button danger onClick={purge}>
        {t('purge')}
      </Button>
    </Space>
  )
}
