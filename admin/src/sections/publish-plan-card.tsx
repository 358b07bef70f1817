import { ReloadOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Segmented, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
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
  const answer = useQuery<PublishPlan>({ queryKey: [`/api/sites/${site.id}/publish/plan`, { mode }] })
  const plan = answer.data ?? null
  const { error, refetch } = answer
  const isLoading = answer.isFetching
  useEffect(() => {
    if (refreshKey > 0) void refetch()
  }, [refreshKey, refetch])

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
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void refetch()}>
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
