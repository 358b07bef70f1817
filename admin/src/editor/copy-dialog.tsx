import { App, Form, Modal, Select, TreeSelect } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Grant, Site } from '../types.ts'
import { columnOptions } from './column-options.ts'
import { rightsIn } from './rights.ts'
import type { EditorColumn, FullArticle } from './types.ts'

interface CopyDialogProps {
  readonly isOpen: boolean
  readonly article: FullArticle
  readonly grants: readonly Grant[]
  onClose(): void
}

/**
 * 复制: the article as a new draft in a column of this site or of another site the user may
 * write in. The server checks the rights again and refuses (and audits) what they do not cover.
 */
export function CopyDialog({ isOpen, article, grants, onClose }: CopyDialogProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ siteId: number; columnId: number }>()
  const [sites, setSites] = useState<readonly Site[]>([])
  const [columns, setColumns] = useState<readonly EditorColumn[]>([])
  const [isBusy, setBusy] = useState(false)
  const siteId = Form.useWatch('siteId', form) ?? article.siteId

  useEffect(() => {
    if (!isOpen) return
    api<{ items: Site[] }>('GET', '/api/sites')
      .then(({ items }) => setSites(items))
      .catch((error: Error) => message.error(error.message))
  }, [isOpen, message])

  useEffect(() => {
    if (!isOpen) return
    setColumns([])
    api<{ roots: EditorColumn[] }>('GET', `/api/sites/${siteId}/columns`)
      .then(({ roots }) => setColumns(roots))
      .catch((error: Error) => message.error(error.message))
  }, [isOpen, siteId, message])

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
            treeData={columnOptions(columns, (path) => rightsIn(grants, siteId, path).canWrite)}
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
