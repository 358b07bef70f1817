import {
  AlignCenterOutlined,
  AlignLeftOutlined,
  AlignRightOutlined,
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  FileWordOutlined,
  InsertRowAboveOutlined,
  InsertRowBelowOutlined,
  InsertRowLeftOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  LinkOutlined,
  MenuOutlined,
  MergeCellsOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  SplitCellsOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { type Editor, useEditorState } from '@tiptap/react'
import { Button, Select, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { InsertTableButton } from './insert-table-button.tsx'

type Block = 'paragraph' | '1' | '2' | '3' | '4'
const ALIGNMENTS = [
  ['left', AlignLeftOutlined],
  ['center', AlignCenterOutlined],
  ['right', AlignRightOutlined],
  ['justify', MenuOutlined],
] as const

interface ToolbarProps {
  readonly editor: Editor
  readonly isDisabled: boolean
  onPickImages(): void
  onImportDocx(): void
  onEditLink(): void
}

/** The body's formatting buttons, as Word users know them; each labelled and reachable by Tab. */
export function BodyToolbar({ editor, isDisabled, onPickImages, onImportDocx, onEditLink }: ToolbarProps) {
  const { t } = useI18n()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      block: ([1, 2, 3, 4].find((level) => current.isActive('heading', { level }))?.toString() ??
        'paragraph') as Block,
      isBold: current.isActive('bold'),
      isItalic: current.isActive('italic'),
      isUnderline: current.isActive('underline'),
      align: ALIGNMENTS.map(([name]) => name).find((name) => current.isActive({ textAlign: name })) ?? 'left',
      isIndented: Boolean(current.getAttributes('paragraph').textIndent),
      isBulletList: current.isActive('bulletList'),
      isOrderedList: current.isActive('orderedList'),
      isLink: current.isActive('link'),
      isInTable: current.isActive('table'),
      canMerge: current.can().mergeCells(),
      canSplit: current.can().splitCell(),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
  const chain = () => editor.chain().focus()
  // Table tools show their words: icons for rows and columns are easily mistaken for each other.
  const labelled = { showsText: true }

  const button = (
    label: MessageKey,
    icon: ReactNode,
    run: () => void,
    options: { isPressed?: boolean; isEnabled?: boolean; showsText?: boolean } = {},
  ) => (
    <Tooltip title={options.showsText ? undefined : t(label)} key={label}>
      <Button
        size="small"
        color="primary"
        variant={options.isPressed ? 'filled' : 'text'}
        icon={icon}
        aria-label={options.showsText ? undefined : t(label)}
        aria-pressed={options.isPressed === undefined ? undefined : options.isPressed}
        disabled={isDisabled || options.isEnabled === false}
        onClick={run}
      >
        {options.showsText ? t(label) : null}
      </Button>
    </Tooltip>
  )

  return (
    <div className="body-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="toolbar-group">
        {button('editor.undo', <UndoOutlined />, () => chain().undo().run(), { isEnabled: state.canUndo })}
        {button('editor.redo', <RedoOutlined />, () => chain().redo().run(), { isEnabled: state.canRedo })}
      </div>
      <div className="toolbar-group">
        <Select<Block>
          size="small"
          className="block-select"
          aria-label={t('editor.blockType')}
          disabled={isDisabled}
          value={state.block}
          onChange={(block) =>
            block === 'paragraph'
              ? chain().setParagraph().run()
              : chain()
                  .setHeading({ level: Number(block) as 1 | 2 | 3 | 4 })
                  .run()
          }
          options={[
            { value: 'paragraph', label: t('editor.paragraph') },
            ...[1, 2, 3, 4].map((level) => ({
              value: String(level) as Block,
              label: t('editor.heading', { level }),
            })),
          ]}
        />
      </div>
      <div className="toolbar-group">
        {button('editor.bold', <BoldOutlined />, () => chain().toggleBold().run(), {
          isPressed: state.isBold,
        })}
        {button('editor.italic', <ItalicOutlined />, () => chain().toggleItalic().run(), {
          isPressed: state.isItalic,
        })}
        {button('editor.underline', <UnderlineOutlined />, () => chain().toggleUnderline().run(), {
          isPressed: state.isUnderline,
        })}
      </div>
      <div className="toolbar-group">
        {ALIGNMENTS.map(([name, Icon]) =>
          button(
            `editor.align.${name}`,
            <Icon />,
            () => (name === 'left' ? chain().unsetTextAlign().run() : chain().setTextAlign(name).run()),
            { isPressed: state.align === name },
          ),
        )}
        {button('editor.indent', null, () => chain().toggleTextIndent().run(), {
          isPressed: state.isIndented,
          showsText: true,
        })}
      </div>
      <div className="toolbar-group">
        {button('editor.bulletList', <UnorderedListOutlined />, () => chain().toggleBulletList().run(), {
          isPressed: state.isBulletList,
        })}
        {button('editor.orderedList', <OrderedListOutlined />, () => chain().toggleOrderedList().run(), {
          isPressed: state.isOrderedList,
        })}
      </div>
      <div className="toolbar-group">
        <InsertTableButton
          isDisabled={isDisabled || state.isInTable}
          onInsert={(rows, cols) => chain().insertTable({ rows, cols, withHeaderRow: false }).run()}
        />
        {button('editor.image', <PictureOutlined />, onPickImages)}
        {button('editor.link', <LinkOutlined />, onEditLink, { isPressed: state.isLink })}
        {button('editor.importDocx', <FileWordOutlined />, onImportDocx, { showsText: true })}
      </div>
      {state.isInTable ? (
        // biome-ignore lint/a11y/useSemanticElements: a group inside a toolbar is ARIA's pattern; <fieldset> is for forms
        <div className="toolbar-group table-tools" role="group" aria-label={t('editor.tableTools')}>
          {button(
            'editor.rowAbove',
            <InsertRowAboveOutlined />,
            () => chain().addRowBefore().run(),
            labelled,
          )}
          {button('editor.rowBelow', <InsertRowBelowOutlined />, () => chain().addRowAfter().run(), labelled)}
          {button('editor.deleteRow', <DeleteRowOutlined />, () => chain().deleteRow().run(), labelled)}
          {button(
            'editor.columnLeft',
            <InsertRowLeftOutlined />,
            () => chain().addColumnBefore().run(),
            labelled,
          )}
          {button(
            'editor.columnRight',
            <InsertRowRightOutlined />,
            () => chain().addColumnAfter().run(),
            labelled,
          )}
          {button(
            'editor.deleteColumn',
            <DeleteColumnOutlined />,
            () => chain().deleteColumn().run(),
            labelled,
          )}
          {button('editor.mergeCells', <MergeCellsOutlined />, () => chain().mergeCells().run(), {
            isEnabled: state.canMerge,
            showsText: true,
          })}
          {button('editor.splitCell', <SplitCellsOutlined />, () => chain().splitCell().run(), {
            isEnabled: state.canSplit,
            showsText: true,
          })}
          {button('editor.deleteTable', <DeleteOutlined />, () => chain().deleteTable().run(), labelled)}
        </div>
      ) : null}
    </div>
  )
}
