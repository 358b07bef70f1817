/**
 * Opens the browser's file chooser and answers the files picked ([] when cancelled). The input
 * is never put in the page, so no hidden control sits in the tab order or the form.
 */
export function pickFiles(options: { accept?: string; isMultiple?: boolean } = {}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    if (options.accept) input.accept = options.accept
    input.multiple = options.isMultiple ?? false
    input.addEventListener('change', () => resolve([...(input.files ?? [])]))
    input.addEventListener('cancel', () => resolve([]))
    input.click()
  })
}
