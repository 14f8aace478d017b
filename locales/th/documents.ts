/** Uploaded files: messages shared by every form with a file input. */
export const documents = {
  // {max} is in megabytes
  'documents.errors.tooLarge': 'ไฟล์ที่เลือกต้องมีขนาดไม่เกิน {max} MB',
  // {types} lists the accepted kinds, e.g. "PNG, JPEG หรือ PDF"; the kind is read from the file's content, not its name
  'documents.errors.type': 'ไฟล์ที่เลือกต้องเป็นไฟล์ {types} เท่านั้น (ระบบตรวจจากเนื้อหาของไฟล์ ไม่ใช่จากชื่อไฟล์)',
  'documents.errors.empty': 'ไฟล์ที่เลือกไม่มีข้อมูล โปรดเลือกไฟล์อื่น',
} as const
