import type { documents as th } from '#locales/th/documents.ts'

export const documents = {
  'documents.errors.tooLarge': 'The selected file must be smaller than {max} MB',
  'documents.errors.type': 'The selected file must be a {types} file (we check its content, not its name)',
  'documents.errors.empty': 'The selected file is empty. Choose another file',
} as const satisfies Record<keyof typeof th, string>
