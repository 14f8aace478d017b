/** The help contact form and its confirmation (product brief step 6). Plain Thai. */
export const support = {
  // Link on /help to the form
  'support.help.formHeading': 'ส่งเรื่องผ่านแบบฟอร์มออนไลน์',
  'support.help.formBody': 'แจ้งปัญหาหรือสอบถาม แนบภาพหน้าจอได้ ระบบจะส่งเรื่องให้ทีมที่เกี่ยวข้องและแจ้งเลขที่อ้างอิงให้ท่านทันที',
  'support.help.formLink': 'เปิดแบบฟอร์มติดต่อเจ้าหน้าที่',
  'support.contact.title': 'แบบฟอร์มติดต่อเจ้าหน้าที่',
  'support.contact.lead': 'กรอกข้อมูลด้านล่างแล้วกดส่งเรื่อง ระบบจะส่งเรื่องให้ทีมที่รับผิดชอบและแสดงเลขที่อ้างอิงให้ท่าน',
  // Shown when the registration page sent the person here because their business was not found
  'support.contact.notFound':
    'ไม่พบรายชื่อกิจการของท่านในทะเบียน โปรดตรวจสอบชื่อกิจการและเลขทะเบียนนิติบุคคลด้านล่าง แล้วส่งเรื่องให้ผู้ดูแลระบบตรวจสอบ',
  'support.contact.category': 'เรื่องที่ต้องการติดต่อ',
  'support.contact.category.technical': 'ปัญหาการใช้งานระบบ (แจ้งผู้ดูแลระบบ)',
  'support.contact.category.technicalHint': 'เช่น เข้าสู่ระบบไม่ได้ ไม่พบรายชื่อกิจการ หรือหน้าเว็บแสดงผลผิดพลาด',
  'support.contact.category.content': 'คำถามเกี่ยวกับแบบประเมิน (แจ้งเจ้าหน้าที่กองกำกับและตรวจสอบ)',
  'support.contact.category.contentHint': 'เช่น ความหมายของคำถาม เอกสารที่ต้องแนบ หรือกำหนดส่ง',
  'support.contact.businessHeading': 'ข้อมูลกิจการ',
  'support.contact.businessName': 'ชื่อกิจการ',
  'support.contact.juristicId': 'เลขทะเบียนนิติบุคคล',
  'support.contact.juristicIdHint': 'ตัวเลข 13 หลัก เช่น 0105561234567',
  'support.contact.businessType': 'ประเภทธุรกิจ',
  'support.contact.businessTypePlaceholder': 'เลือกประเภทธุรกิจ',
  'support.contact.contactHeading': 'ข้อมูลผู้ติดต่อ',
  'support.contact.contactName': 'ชื่อ-นามสกุล',
  'support.contact.phone': 'หมายเลขโทรศัพท์',
  'support.contact.phoneHint': 'เช่น 081 234 5678 หรือ 02 123 4567 ต่อ 12',
  'support.contact.email': 'อีเมล',
  'support.contact.message': 'รายละเอียด',
  'support.contact.messageHint':
    'อธิบายปัญหาหรือคำถามของท่าน หากเป็นปัญหาการใช้งาน โปรดบอกว่ากำลังทำอะไรอยู่และระบบแสดงข้อความใด (ไม่เกิน {max} ตัวอักษร)',
  'support.contact.screenshot': 'ภาพหน้าจอหรือเอกสารประกอบ',
  'support.contact.screenshotHint': 'ไฟล์ {types} ขนาดไม่เกิน {max} MB',
  // The list of accepted file kinds, used inside the hint and the wrong-type error
  'support.contact.screenshotTypes': 'PNG, JPEG หรือ PDF',
  'support.contact.screenshotKept': 'แนบไฟล์ไว้แล้ว: {name} ({size}) หากต้องการเปลี่ยน โปรดเลือกไฟล์ใหม่',
  'support.contact.submit': 'ส่งเรื่อง',
  'support.sent.title': 'ส่งเรื่องเรียบร้อยแล้ว',
  'support.sent.reference': 'เลขที่อ้างอิง',
  'support.sent.team': 'ผู้รับเรื่อง',
  'support.sent.team.admin': 'ผู้ดูแลระบบ',
  'support.sent.team.supervision': 'เจ้าหน้าที่กองกำกับและตรวจสอบ',
  'support.sent.next': 'เจ้าหน้าที่จะติดต่อกลับทางอีเมลหรือโทรศัพท์ที่ท่านให้ไว้ โปรดแจ้งเลขที่อ้างอิงนี้ทุกครั้งที่ติดต่อเรื่องนี้',
  'support.sent.back': 'กลับไปหน้าติดต่อและขอความช่วยเหลือ',
} as const
