/** Contact channels from configuration (footer and help page; src/platform/config.ts CONTACT_*). */
export const contacts = {
  'contacts.footer.heading': 'ติดต่อเรา',
  'contacts.phone': 'โทรศัพท์',
  'contacts.email': 'อีเมล',
  // After a phone number: its extension, e.g. "0 2219 3600 ต่อ 3601"
  'contacts.extension': 'ต่อ {ext}',
  'contacts.line.label': 'LINE',
  'contacts.line.heading': 'ติดต่อทางไลน์',
  'contacts.line.body': 'สแกนคิวอาร์โค้ดด้วยแอปไลน์ หรือค้นหาไอดี {id}',
  'contacts.line.id': 'ไลน์ {id}',
  // Alternative text of the QR image
  'contacts.line.qrAlt': 'คิวอาร์โค้ดสำหรับเพิ่มเพื่อนทางไลน์ {id}',
} as const
