import { useQuery } from '@tanstack/react-query'
import { App, Form, Modal, Select, TreeSelect } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import type { SiteList } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { Site } from '../types.ts'
import { columnOptions } from './column-options.ts'
import type { EditorColumn, FullArticle } from './types.ts'

interface CopyDialogProps {
  readonly isOpen: boolean
  readonly article: FullArticle
  onClose(): void
}

/**
 * 复制: the article as a new draft in a column of this site or of another site the user may
 * write in. The server checks the rights again and refuses (and audits) what they do not cover.
 */
export function CopyDialog({ isOpen, article, onClose }: CopyDialogProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ siteId: number; columnId: number }>()
  const [isBusy, setBusy] = useState(false)
  const siteId = Form.useWatch('siteId', form) ?? article.siteId
  const siteList = useQuery<SiteList>({ queryKey: ['/api/sites'], enabled: isOpen })
  const tree = useQuery<{ roots: EditorColumn[] }>({
    queryKey: [`/api/sites/${siteId}/columns`],
    enabled: isOpen,
  })
  const sites: readonly Site[] = siteList.data?.items ?? []
  const columns: readonly EditorColumn[] = tree.data?.roots ?? []
  async function copy(values: { columnId: number }) {
    setBusy(true)
    try {
      const copied = await api<FullArticle>('POST', `/api/articles/${article.id}/copy`, {
        columnId: values.columnId,
      })
      const site = sites.find((candidate) => candidate.id === copied.siteId)
      message.success(t('editor.copied', { id: copied.id, site: site?.name ?? '' }))
      onClose()
    } catch (error) {
      message.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={isOpen}
      title={t('editor.copyTitle')}
      okText={t('editor.copy')}
      cancelText={t('cancel')}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="muted">{t('editor.copyHelp')}</p>
      <ErrorAlert error={siteList.error ?? tree.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ siteId: article.siteId }}
        onFinish={(values) => void copy(values)}
        onValuesChange={(changed) => {
          if ('siteId' in changed) form.setFieldValue('columnId', undefined)
        }}
      >
        <Form.Item name="siteId" label={t('editor.copyToSite')}>
          <Select
            aria-label={t('editor.copyToSite')}
            options={sites.map((site) => ({ value: site.id, label: site.name }))}
          />
        </Form.Item>
        <Form.Item
          name="columnId"
          label={t('editor.copyToColumn')}
          rules={[{ required: true, message: t('editor.columnRequired') }]}
        >
          <TreeSelect
            aria-label={t('editor.copyToColumn')}
            treeData={columnOptions(columns)}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('editor.chooseColumn')}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
