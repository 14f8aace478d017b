/**
 * E-mails (Thai part first, English below in the same message), the service-request form printed
 * as a PDF (`serviceRequest.*`) and the developer mailbox at /dev/mail (`dev.mail.*`).
 * ICU placeholders such as {name} are filled with data; never put markup in a message.
 */
export const email = {
  // Top of the Thai part, pointing English readers to their version further down
  'email.layout.otherLanguageBelow': 'ฉบับภาษาอังกฤษอยู่ด้านล่าง',
  // Heading above the English part (shown in that language)
  'email.layout.versionHeading': 'ฉบับภาษาไทย',
  'email.layout.greeting': 'เรียน {name}',
  'email.layout.securityNote': 'สำนักงาน ปปง. จะไม่ขอรหัสผ่านของท่านทางอีเมลหรือทางโทรศัพท์',
  'email.layout.autoNotice': 'อีเมลนี้ส่งจากระบบ AMRAC โดยอัตโนมัติ กรุณาอย่าตอบกลับ',
  // Shown before a link's address so it can be copied when the link cannot be clicked
  'email.layout.linkAddress': 'หรือคัดลอกที่อยู่นี้ไปวางในเบราว์เซอร์:',

  'email.registration.subject': 'ยืนยันอีเมลและแบบฟอร์มขอใช้บริการระบบ AMRAC',
  'email.registration.intro': 'ท่านได้ลงทะเบียนเป็นผู้ใช้งานระบบ AMRAC ในนามของ {businessName}',
  'email.registration.username': 'ชื่อผู้ใช้งาน',
  'email.registration.business': 'กิจการ',
  'email.registration.juristicId': 'เลขทะเบียนนิติบุคคล',
  // {expiresAt} is a written-out date and time in Bangkok time
  'email.registration.confirm':
    'กรุณายืนยันที่อยู่อีเมลของท่านโดยเปิดลิงก์ด้านล่าง ลิงก์ใช้ได้ครั้งเดียว และหมดอายุเมื่อ {expiresAt} (เวลาประเทศไทย)',
  'email.registration.confirmLink': 'ยืนยันอีเมล',
  'email.registration.form.heading': 'แบบฟอร์มขอใช้บริการ',
  'email.registration.form.intro':
    'แบบฟอร์มขอใช้บริการ (ไฟล์ PDF) ซึ่งกรอกข้อมูลของท่านไว้แล้ว แนบมากับอีเมลนี้ กรุณาดำเนินการดังนี้',
  'email.registration.notYou': 'หากท่านไม่ได้ลงทะเบียน กรุณาเพิกเฉยต่ออีเมลนี้ บัญชีจะไม่เปิดใช้งานหากไม่มีการยืนยัน',
  // File name of the attached PDF; keep it short, no slashes
  'email.registration.attachmentName': 'แบบฟอร์มขอใช้บริการ-AMRAC-{juristicId}.pdf',

  'email.approvalNeeded.subject': 'มีผู้ใช้งานใหม่รอการอนุมัติ: {registrantName}',
  'email.approvalNeeded.body':
    '{registrantName} (ชื่อผู้ใช้งาน {registrantUsername}) ได้ลงทะเบียนเพื่อใช้งานระบบ AMRAC ในนามของ {businessName} และรอการอนุมัติจากท่าน ระหว่างนี้ผู้ใช้งานรายนี้จะยังไม่เห็นข้อมูลใด ๆ ของกิจการ',
  'email.approvalNeeded.link': 'ตรวจสอบและอนุมัติ',
  'email.approvalNeeded.caution': 'หากท่านไม่รู้จักผู้ใช้งานรายนี้ กรุณาอย่าอนุมัติ',

  'email.accountApproved.subject': 'บัญชีผู้ใช้งานระบบ AMRAC ของท่านได้รับการอนุมัติแล้ว',
  'email.accountApproved.body': 'บัญชีผู้ใช้งานของท่านสำหรับ {businessName} ได้รับการอนุมัติแล้ว ท่านเข้าสู่ระบบได้ทันที',
  'email.accountApproved.link': 'เข้าสู่ระบบ',

  'email.submissionReceipt.subject': 'ได้รับแบบประเมินความเสี่ยงของ {businessName} แล้ว เลขที่รับ {receiptRef}',
  'email.submissionReceipt.body': 'สำนักงาน ปปง. ได้รับแบบประเมินความเสี่ยง {cycleName} ของ {businessName} (ครั้งที่ {version}) เมื่อ {submittedAt} (เวลาประเทศไทย) เลขที่รับ {receiptRef}',
  'email.submissionReceipt.link': 'ดูใบรับ',
  'email.submissionReturned.subject': 'แบบประเมินความเสี่ยง {cycleName} ถูกส่งกลับให้แก้ไข',
  'email.submissionReturned.body': 'สำนักงาน ปปง. ได้ตรวจสอบแบบประเมินความเสี่ยง {cycleName} แล้ว และขอให้แก้ไขข้อมูลบางส่วน เหตุผลแสดงอยู่ที่ส่วนและคำถามที่ต้องแก้ไขในระบบ เมื่อแก้ไขเสร็จแล้วโปรดส่งแบบประเมินอีกครั้ง',
  'email.submissionReturned.link': 'แก้ไขแบบประเมิน',
  'email.filingReminder.subject': 'แจ้งเตือน: ยังไม่ได้ส่งแบบประเมินความเสี่ยงรอบปี {cycleCode}',
  'email.filingReminder.body': 'สำนักงาน ปปง. ยังไม่ได้รับแบบประเมินความเสี่ยงรอบปี {cycleCode} ของ {businessName} โปรดกรอกและส่งแบบประเมินภายในวันครบกำหนด',
  'email.filingReminder.deadline': 'วันครบกำหนดส่ง',
  'email.filingReminder.link': 'กรอกแบบประเมิน',
  'email.filingReminder.note': 'หากท่านส่งแบบประเมินแล้ว ไม่ต้องดำเนินการใด ๆ เพิ่มเติม',

  'email.passwordReset.subject': 'ตั้งรหัสผ่านใหม่สำหรับระบบ AMRAC',
  'email.passwordReset.bySelf': 'มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีผู้ใช้งานระบบ AMRAC ของท่าน',
  'email.passwordReset.byAdmin': 'ผู้ดูแลระบบได้ขอให้ท่านตั้งรหัสผ่านใหม่สำหรับบัญชีผู้ใช้งานระบบ AMRAC ของท่าน',
  'email.passwordReset.body':
    'เปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่านใหม่ ลิงก์ใช้ได้ครั้งเดียว และหมดอายุเมื่อ {expiresAt} (เวลาประเทศไทย)',
  'email.passwordReset.link': 'ตั้งรหัสผ่านใหม่',
  'email.passwordReset.notYou': 'หากท่านไม่ได้ขอ กรุณาเพิกเฉยต่ออีเมลนี้ รหัสผ่านเดิมยังใช้ได้',

  'email.staffInvitation.subject': 'คำเชิญเข้าใช้งานระบบ AMRAC สำหรับเจ้าหน้าที่',
  'email.staffInvitation.body': '{invitedBy} ได้เชิญท่านเข้าใช้งานระบบ AMRAC ในบทบาท {role}',
  'email.staffInvitation.instructions':
    'เปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่านและตั้งค่าการยืนยันตัวตนสองขั้นตอน ลิงก์ใช้ได้ครั้งเดียว และหมดอายุเมื่อ {expiresAt} (เวลาประเทศไทย)',
  'email.staffInvitation.link': 'ตอบรับคำเชิญ',

  'email.emailChange.subject': 'ยืนยันที่อยู่อีเมลใหม่สำหรับระบบ AMRAC',
  'email.emailChange.body':
    'มีการขอเปลี่ยนอีเมลของบัญชีผู้ใช้งานระบบ AMRAC ของท่านมาเป็นที่อยู่นี้ กรุณายืนยันโดยเปิดลิงก์ด้านล่าง ลิงก์ใช้ได้ครั้งเดียว และหมดอายุเมื่อ {expiresAt} (เวลาประเทศไทย)',
  'email.emailChange.link': 'ยืนยันอีเมลใหม่',
  'email.emailChange.notYou': 'หากท่านไม่ได้ขอ กรุณาเพิกเฉยต่ออีเมลนี้ อีเมลเดิมของท่านจะยังใช้งานต่อไป',

  'email.emailChangedNotice.subject': 'อีเมลของบัญชีผู้ใช้งานระบบ AMRAC ของท่านถูกเปลี่ยนแล้ว',
  'email.emailChangedNotice.body': 'อีเมลของบัญชีผู้ใช้งานระบบ AMRAC ของท่านได้เปลี่ยนเป็น {newEmail}',
  'email.emailChangedNotice.notYou': 'หากท่านไม่ได้เปลี่ยน กรุณาติดต่อสำนักงาน ปปง. ทันที',

  'email.passwordChangedNotice.subject': 'รหัสผ่านระบบ AMRAC ของท่านถูกเปลี่ยนแล้ว',
  'email.passwordChangedNotice.body': 'รหัสผ่านของบัญชีผู้ใช้งานระบบ AMRAC ของท่านถูกเปลี่ยนเมื่อ {at} (เวลาประเทศไทย)',
  'email.passwordChangedNotice.notYou': 'หากท่านไม่ได้เปลี่ยน กรุณาใช้เมนู “ลืมรหัสผ่าน” และติดต่อสำนักงาน ปปง. ทันที',

  'email.accountExistsNotice.subject': 'มีการลงทะเบียนระบบ AMRAC ด้วยอีเมลของท่าน',
  'email.accountExistsNotice.body': 'มีผู้พยายามลงทะเบียนผู้ใช้งานระบบ AMRAC ด้วยอีเมลนี้ ซึ่งมีบัญชีผู้ใช้งานอยู่แล้ว จึงไม่มีการสร้างบัญชีใหม่',
  'email.accountExistsNotice.login': 'เข้าสู่ระบบ',
  'email.accountExistsNotice.forgot': 'หากท่านจำรหัสผ่านไม่ได้ ตั้งรหัสผ่านใหม่ได้ที่ลิงก์ด้านล่าง',
  'email.accountExistsNotice.forgotLink': 'ลืมรหัสผ่าน',
  'email.accountExistsNotice.notYou': 'หากท่านไม่ได้ลงทะเบียน กรุณาเพิกเฉยต่ออีเมลนี้ บัญชีของท่านไม่มีการเปลี่ยนแปลง',

  // The printed form (A4 PDF). Labels are Thai with the English label beside them.
  'serviceRequest.title': 'แบบฟอร์มขอใช้บริการระบบ AMRAC',
  'serviceRequest.section.entity': 'ข้อมูลผู้มีหน้าที่รายงาน',
  'serviceRequest.section.applicant': 'ข้อมูลผู้ขอใช้บริการ',
  'serviceRequest.field.businessName': 'ชื่อกิจการ',
  'serviceRequest.field.juristicId': 'เลขทะเบียนนิติบุคคล',
  'serviceRequest.field.address': 'ที่อยู่',
  'serviceRequest.field.name': 'ชื่อ-นามสกุล',
  'serviceRequest.field.position': 'ตำแหน่ง',
  'serviceRequest.field.phone': 'โทรศัพท์',
  'serviceRequest.field.email': 'อีเมล',
  'serviceRequest.field.registeredAt': 'วันที่ลงทะเบียน',
  'serviceRequest.notGiven': 'ไม่ได้ระบุ',
  'serviceRequest.declaration':
    'ข้าพเจ้าขอใช้บริการระบบ AMRAC ในนามของผู้มีหน้าที่รายงานข้างต้น และขอรับรองว่าข้อมูลในแบบฟอร์มนี้ถูกต้องและเป็นความจริง',
  'serviceRequest.signature.heading': 'ลงนามโดยผู้มีอำนาจลงนาม',
  'serviceRequest.signature.sign': 'ลงชื่อ',
  'serviceRequest.signature.printedName': 'ชื่อตัวบรรจง',
  'serviceRequest.signature.date': 'วันที่',
  'serviceRequest.seal': 'ประทับตราบริษัท (ถ้ามี)',
  'serviceRequest.steps.heading': 'ขั้นตอนหลังจากได้รับแบบฟอร์ม',
  'serviceRequest.steps.1': 'ตรวจสอบข้อมูลและพิมพ์แบบฟอร์ม',
  'serviceRequest.steps.2': 'ให้ผู้มีอำนาจลงนามของกิจการลงนาม และประทับตราบริษัท (ถ้ามี)',
  'serviceRequest.steps.3': 'สแกนแบบฟอร์มที่ลงนามแล้วเป็นไฟล์ PDF',
  'serviceRequest.steps.4': 'เข้าสู่ระบบ AMRAC แล้วอัปโหลดไฟล์ในส่วน ก ของแบบประเมิน',
  'serviceRequest.generatedAt': 'จัดทำโดยระบบ AMRAC เมื่อ {at}',

  // Developer-only mailbox (/dev/mail): mail kept locally when SMTP_URL is not set
  'dev.mail.title': 'กล่องจดหมายสำหรับนักพัฒนา',
  'dev.mail.lead': 'อีเมลที่ระบบเก็บไว้ในเครื่องเพราะไม่ได้ตั้งค่า SMTP_URL หน้านี้ไม่มีในระบบจริง',
  'dev.mail.caption': 'อีเมลล่าสุด (ใหม่สุดอยู่บน)',
  'dev.mail.col.time': 'เวลา',
  'dev.mail.col.to': 'ถึง',
  'dev.mail.col.subject': 'เรื่อง',
  'dev.mail.empty': 'ยังไม่มีอีเมล',
  'dev.mail.back': 'กลับไปที่กล่องจดหมาย',
  'dev.mail.headers': 'ส่วนหัว',
  'dev.mail.textPart': 'ข้อความ (ส่วน text)',
  'dev.mail.noText': 'อีเมลนี้ไม่มีส่วน text',
  'dev.mail.downloads': 'ดาวน์โหลด',
  'dev.mail.raw': 'อีเมลต้นฉบับ (.eml)',
  'dev.mail.htmlPart': 'ส่วน HTML (.html)',
  'dev.mail.attachment': 'ไฟล์แนบ {name} ({size} ไบต์)',
} as const
