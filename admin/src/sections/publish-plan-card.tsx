import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Segmented, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert } from './error-alert.tsx'
import type { PublishMode, PublishPlan } from './publish-types.ts'

export interface PublishPlanCardProps {
  readonly site: Site
  /** Changes after each publish, so that the plan is asked for again. */
  readonly refreshKey: number
}

/** The pages pending changes would rewrite, or (on request) every page of a full publish. */
export function PublishPlanCard({ site, refreshKey }: PublishPlanCardProps) {
  const { t } = useI18n()
  const [mode, setMode] = useState<PublishMode>('incremental')
  const [reloads, setReloads] = useState(0)
  const [plan, setPlan] = useState<PublishPlan | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [isLoading, setLoading] = useState(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey and reloads ask again on purpose
  useEffect(() => {
    let isCurrent = true
    setLoading(true)
    setError(null)
    api<PublishPlan>('GET', `/api/sites/${site.id}/publish/plan?mode=${mode}`)
      .then((next) => isCurrent && setPlan(next))
      .catch((caught) => {
        if (!isCurrent) return
        setPlan(null)
        setError(caught)
      })
      .finally(() => isCurrent && setLoading(false))
    return () => {
      isCurrent = false
    }
  }, [site.id, mode, refreshKey, reloads])

  return (
    <Card
      className="section-card"
      title={<h3 className="card-title">{t('planTitle')}</h3>}
      extra={
        <Space wrap>
          <Segmented<PublishMode>
            aria-label={t('planMode')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'incremental', label: t('planPending') },
              { value: 'full', label: t('planFull') },
            ]}
          />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setReloads((n) => n + 1)}>
            {t('refresh')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {plan && mode === 'incremental' && plan.mode === 'full' && (
        <Alert type="info" showIcon title={t('planBecomesFull')} className="section-alert" />
      )}
      {plan && (
        <Typography.Paragraph aria-live="polite">
          {plan.pages.length === 0 ? t('planEmpty') : t('planSummary', { n: plan.pages.length })}
        </Typography.Paragraph>
      )}
      {plan && plan.pages.length > 0 && (
        <Table<{ path: string }>
          size="small"
          rowKey="path"
          loading={isLoading}
          dataSource={plan.pages.map((path) => ({ path }))}
          pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => t('pageCount', { n }) }}
          columns={[{ title: t('pagePath'), dataIndex: 'path', key: 'path' }]}
        />
      )}
    </Card>
  )
}
