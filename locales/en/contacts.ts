import type { contacts as th } from '#locales/th/contacts.ts'

export const contacts = {
  'contacts.footer.heading': 'Contact us',
  'contacts.phone': 'Phone',
  'contacts.email': 'E-mail',
  'contacts.extension': 'ext. {ext}',
  'contacts.line.label': 'LINE',
  'contacts.line.heading': 'Contact us on LINE',
  'contacts.line.body': 'Scan the QR code with the LINE app, or search for the ID {id}',
  'contacts.line.id': 'LINE {id}',
  'contacts.line.qrAlt': 'QR code to add {id} on LINE',
} as const satisfies Record<keyof typeof th, string>
