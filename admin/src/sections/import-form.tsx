import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert } from './error-alert.tsx'
import type { ImportJob } from './import-types.ts'

interface ImportFormValues {
  url: string
  assetHosts?: string[]
  since?: string
  concurrency?: number
  isDryRun?: boolean
}

/** The choices of `fabu import`, sent as a job the server runs. */
export function ImportForm({
  site,
  isDisabled,
  onStarted,
}: {
  site: Site
  isDisabled: boolean
  onStarted(job: ImportJob): void
}) {
  const { t } = useI18n()
  const [error, setError] = useState<unknown>(null)
  const [isStarting, setStarting] = useState(false)

  async function start(values: ImportFormValues) {
    setError(null)
    setStarting(true)
    try {
      onStarted(
        await api<ImportJob>('POST', `/api/sites/${site.id}/import-jobs`, {
          url: values.url.trim(),
          assetHosts: values.assetHosts ?? [],
          since: values.since || null,
          concurrency: values.concurrency ?? 4,
          isDryRun: values.isDryRun ?? false,
        }),
      )
    } catch (caught) {
      setError(caught)
    } finally {
      setStarting(false)
    }
  }

  return (
    <Card
      className="section-card"
      title={<h2 className="card-title">{t('importTitle', { site: site.name })}</h2>}
    >
      <Typography.Paragraph type="secondary">{t('importHelp')}</Typography.Paragraph>
      <Form<ImportFormValues>
        layout="vertical"
        onFinish={start}
        initialValues={{ concurrency: 4, isDryRun: false }}
        disabled={isDisabled}
        className="import-form"
      >
        <Form.Item
          name="url"
          label={t('importUrl')}
          rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: t('importUrlRequired') }]}
        >
          <Input placeholder="http://www.example.gov.cn/" inputMode="url" />
        </Form.Item>
        <Form.Item name="assetHosts" label={t('importAssetHosts')} extra={t('importAssetHostsHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', ' ']} aria-label={t('importAssetHosts')} />
        </Form.Item>
        <Form.Item name="since" label={t('importSince')}>
          <Input type="date" className="import-since" />
        </Form.Item>
        <Form.Item name="concurrency" label={t('importConcurrency')}>
          <InputNumber min={1} max={16} />
        </Form.Item>
        <Form.Item name="isDryRun" valuePropName="checked">
          <Checkbox>{t('importDryRun')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isStarting}>
          {t('importStart')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
    </Card>
  )
}
