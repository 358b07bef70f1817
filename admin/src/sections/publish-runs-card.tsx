import { Card, Table, Tag, Typography } from 'antd'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { timeFormatter } from './format-time.ts'
import type { PublishRun } from './publish-types.ts'
import { RunManifest } from './run-manifest.tsx'

export interface PublishRunsCardProps {
  readonly site: Site
  readonly runs: readonly PublishRun[]
  readonly isLoading: boolean
}

/** The publish history, newest first; a run opens to the files it added, changed and removed. */
export function PublishRunsCard({ site, runs, isLoading }: PublishRunsCardProps) {
  const { t } = useI18n()
  const time = timeFormatter({ timeZone: site.timeZone, hasSeconds: true })
  return (
    <Card className="section-card" title={<h3 className="card-title">{t('runsTitle')}</h3>}>
      <Table<PublishRun>
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={[...runs]}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => t('runCount', { n }) }}
        expandable={{ expandedRowRender: (run) => <RunManifest runId={run.id} /> }}
        columns={[
          { title: t('runNumber'), dataIndex: 'id', key: 'id', width: 80 },
          { title: t('runTime'), dataIndex: 'finished_at', key: 'finished_at', render: time },
          {
            title: t('runMode'),
            dataIndex: 'mode',
            key: 'mode',
            render: (mode: string) => (
              <Tag color={mode === 'full' ? 'blue' : 'default'}>
                {mode === 'full' || mode === 'incremental' ? t(`mode.${mode}` as MessageKey) : mode}
              </Tag>
            ),
          },
          { title: t('runWritten'), dataIndex: 'written', key: 'written' },
          { title: t('runUnchanged'), dataIndex: 'unchanged', key: 'unchanged' },
          { title: t('runRemoved'), dataIndex: 'removed', key: 'removed' },
          {
            title: t('runErrors'),
            dataIndex: 'errors',
            key: 'errors',
            render: (errors: number) =>
              errors > 0 ? <Typography.Text type="danger">{errors}</Typography.Text> : errors,
          },
        ]}
      />
    </Card>
  )
}
