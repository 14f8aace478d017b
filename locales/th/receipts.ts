/**
 * The submission receipt as a PDF (`receiptPdf.*`), the public page that verifies a receipt from its
 * QR code (`verify.*`) and the download links for the service-request form (`serviceRequest.download*`).
 */
export const receipts = {
  'receiptPdf.title': 'ใบรับการส่งข้อมูลแบบประเมินความเสี่ยง',
  'receiptPdf.lead': 'สำนักงาน ปปง. ได้รับข้อมูลแบบประเมินความเสี่ยงด้านการฟอกเงินของผู้มีหน้าที่รายงานตามรายละเอียดด้านล่างแล้ว',
  'receiptPdf.section.entity': 'ผู้มีหน้าที่รายงาน',
  'receiptPdf.section.submission': 'การส่งข้อมูล',
  'receiptPdf.field.businessName': 'ชื่อกิจการ',
  'receiptPdf.field.juristicId': 'เลขทะเบียนนิติบุคคล',
  'receiptPdf.field.cycle': 'รอบการประเมิน',
  'receiptPdf.field.ref': 'เลขที่ใบรับ',
  'receiptPdf.field.time': 'วันและเวลาที่ส่ง',
  'receiptPdf.field.version': 'ฉบับที่',
  'receiptPdf.field.declarant': 'ผู้รับรองข้อมูล',
  'receiptPdf.field.hash': 'รหัสตรวจสอบข้อมูล (SHA-256)',
  'receiptPdf.hashHelp': 'รหัสนี้คำนวณจากข้อมูลทั้งหมดที่ส่ง หากข้อมูลเปลี่ยนแม้เพียงตัวอักษรเดียว รหัสจะไม่ตรงกัน',
  'receiptPdf.verify.heading': 'ตรวจสอบใบรับ',
  'receiptPdf.verify.body': 'สแกนคิวอาร์โค้ดหรือเปิดลิงก์ด้านล่าง เพื่อตรวจสอบว่าใบรับนี้ออกโดยระบบ AMRAC',
  'receiptPdf.verify.qrAlt': 'คิวอาร์โค้ดของลิงก์ตรวจสอบใบรับ',
  // {at}: the written-out date and time the PDF was made
  'receiptPdf.generatedAt': 'ออกใบรับโดยระบบ AMRAC เมื่อ {at}',
  // File name of the PDF; {ref} is the receipt number, e.g. AMRAC-2569-000001
  'receiptPdf.fileName': 'ใบรับ-{ref}.pdf',
  'receiptPdf.download': 'ดาวน์โหลดใบรับ (PDF)',

  'verify.title': 'ตรวจสอบใบรับ',
  'verify.found.heading': 'ใบรับนี้ออกโดยระบบ AMRAC',
  'verify.found.body': 'สำนักงาน ปปง. ได้รับข้อมูลตามใบรับนี้แล้ว',
  'verify.field.ref': 'เลขที่ใบรับ',
  'verify.field.business': 'ผู้มีหน้าที่รายงาน',
  'verify.field.time': 'วันและเวลาที่ส่ง',
  'verify.found.note': 'หน้านี้ยืนยันเฉพาะเลขที่ใบรับ ชื่อผู้มีหน้าที่รายงาน และวันเวลาที่ส่งเท่านั้น',
  'verify.notFound.title': 'ไม่พบใบรับเลขที่นี้',
  'verify.notFound.body': 'โปรดตรวจสอบเลขที่ใบรับอีกครั้ง เลขที่ใบรับมีรูปแบบ AMRAC-2569-000001',

  'serviceRequest.download': 'ดาวน์โหลดแบบฟอร์มขอใช้บริการ (PDF)',
  'serviceRequest.downloadHint': 'พิมพ์แบบฟอร์ม ให้ผู้มีอำนาจลงนามลงชื่อและประทับตรา แล้วอัปโหลดในส่วน ก ของแบบประเมิน',
} as const
