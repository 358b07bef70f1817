import { Button } from 'antd'
import type { ReactNode } from 'react'
import { pickFiles } from './pick-files.ts'

interface FilePickButtonProps {
  readonly id?: string
  readonly accept?: string
  readonly isMultiple?: boolean
  readonly isDisabled?: boolean
  readonly icon?: ReactNode
  readonly children: ReactNode
  onFiles(files: File[]): void
}

/** A button that opens the file chooser. */
export function FilePickButton({
  id,
  accept,
  isMultiple,
  isDisabled,
  icon,
  children,
  onFiles,
}: FilePickButtonProps) {
  return (
    <Button
      id={id}
      icon={icon}
      disabled={isDisabled}
      onClick={async () => {
        const files = await pickFiles({ accept, isMultiple })
        if (files.length > 0) onFiles(files)
      }}
    >
      {children}
    </Button>
  )
}
