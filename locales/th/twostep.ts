/** Two-step verification (TOTP authenticator app, recovery codes) and staff invitations. */
export const twostep = {
  // The box takes the 6 digits from the app or a recovery code.
  'twostep.field.code': 'รหัสยืนยันตัวตน',
  'twostep.field.codeHint': 'รหัส 6 หลักจากแอปยืนยันตัวตน หรือรหัสสำรองหนึ่งรหัส',
  'twostep.errors.wrongCode': 'รหัสไม่ถูกต้องหรือถูกใช้ไปแล้ว โปรดรอรหัสใหม่ในแอปแล้วลองอีกครั้ง',
  'twostep.errors.wrongSetupCode': 'รหัสไม่ถูกต้อง โปรดตรวจสอบว่าเพิ่มบัญชีในแอปแล้ว และเวลาในโทรศัพท์ถูกต้อง แล้วกรอกรหัสที่แสดงอยู่ขณะนี้',

  'twostep.login.title': 'ยืนยันตัวตนขั้นที่สอง',
  'twostep.login.lead': 'เปิดแอปยืนยันตัวตนในโทรศัพท์ของท่าน แล้วกรอกรหัส 6 หลักของบัญชี AMRAC',
  'twostep.login.submit': 'ยืนยันและเข้าสู่ระบบ',
  'twostep.login.lostTitle': 'ไม่มีโทรศัพท์หรือแอปอยู่กับตัว',
  'twostep.login.lostBody':
    'กรอกรหัสสำรองหนึ่งรหัสที่ท่านเก็บไว้ตอนตั้งค่า (แต่ละรหัสใช้ได้ครั้งเดียว) หากไม่มีรหัสสำรอง โปรดติดต่อผู้ดูแลระบบเพื่อขอตั้งค่าการยืนยันตัวตนสองขั้นตอนใหม่',
  'twostep.login.restart': 'เริ่มเข้าสู่ระบบใหม่',
  // {time} is dd/mm/yyyy HH:MM, Bangkok time.
  'twostep.login.locked': 'กรอกรหัสผิดหลายครั้งเกินไป ระบบระงับการยืนยันตัวตนของบัญชีนี้ชั่วคราว โปรดลองใหม่หลังเวลา {time} น.',
  'twostep.login.expired': 'หมดเวลาการเข้าสู่ระบบ โปรดกรอกชื่อผู้ใช้งานและรหัสผ่านอีกครั้ง',
  'twostep.login.recoveryUsed':
    'ท่านเข้าสู่ระบบด้วยรหัสสำรอง รหัสนั้นใช้ไม่ได้อีกแล้ว เหลือรหัสสำรอง {count} รหัส หากเหลือน้อยหรือทำโทรศัพท์หาย ให้สร้างรหัสสำรองชุดใหม่ด้านล่าง',

  'twostep.setup.title': 'ตั้งค่าการยืนยันตัวตนสองขั้นตอน',
  'twostep.setup.leadStaff':
    'เจ้าหน้าที่ สำนักงาน ปปง. ต้องยืนยันตัวตนสองขั้นตอนทุกครั้งที่เข้าสู่ระบบ โปรดตั้งค่าแอปยืนยันตัวตนให้เสร็จเพื่อเข้าสู่ระบบครั้งแรก',
  'twostep.setup.leadOptIn': 'เมื่อเปิดใช้งาน ทุกครั้งที่เข้าสู่ระบบ ระบบจะขอรหัส 6 หลักจากแอปในโทรศัพท์ของท่านเพิ่มจากรหัสผ่าน',
  'twostep.setup.step1': '1. ติดตั้งแอปยืนยันตัวตน',
  'twostep.setup.step1Body': 'เช่น Google Authenticator, Microsoft Authenticator หรือแอปอื่นที่รองรับ TOTP',
  'twostep.setup.step2': '2. เพิ่มบัญชี AMRAC ในแอป',
  'twostep.setup.step2Body': 'ในแอป เลือกเพิ่มบัญชีแล้วสแกนคิวอาร์โค้ดนี้',
  'twostep.setup.qrLabel': 'คิวอาร์โค้ดสำหรับเพิ่มบัญชี AMRAC ในแอปยืนยันตัวตน',
  'twostep.setup.qrCaption': 'บัญชี AMRAC: {username}',
  'twostep.setup.manual': 'สแกนไม่ได้ ให้เลือกกรอกรหัสตั้งค่าด้วยตนเอง แล้วพิมพ์รหัสนี้:',
  'twostep.setup.manualHint': 'ประเภท: ตามเวลา (TOTP) · เว้นวรรคไม่ต้องพิมพ์ · ห้ามส่งรหัสนี้ให้ผู้อื่น',
  'twostep.setup.step3': '3. ยืนยันด้วยรหัสจากแอป',
  'twostep.setup.codeLabel': 'รหัส 6 หลักที่แอปแสดงอยู่ขณะนี้',
  'twostep.setup.codeHint': 'รหัสเปลี่ยนทุก 30 วินาที',
  'twostep.setup.submit': 'ยืนยันและเปิดใช้งาน',
  'twostep.setup.cancel': 'ยกเลิก',

  'twostep.codes.title': 'รหัสสำรองของท่าน',
  'twostep.codes.enrolled': 'เปิดใช้งานการยืนยันตัวตนสองขั้นตอนแล้ว',
  'twostep.codes.lead': 'ใช้รหัสสำรองเข้าสู่ระบบแทนรหัสจากแอป เมื่อไม่มีโทรศัพท์อยู่กับตัว มี {count} รหัส แต่ละรหัสใช้ได้ครั้งเดียว',
  'twostep.codes.warning': 'รหัสเหล่านี้จะแสดงเพียงครั้งนี้ครั้งเดียว โปรดจดหรือพิมพ์เก็บไว้ก่อนออกจากหน้านี้',
  'twostep.codes.keep1': 'เก็บไว้ในที่ปลอดภัยแยกจากโทรศัพท์ เช่น โปรแกรมจัดการรหัสผ่าน หรือกระดาษในที่ปลอดภัย',
  'twostep.codes.keep2': 'ห้ามส่งให้ผู้อื่น เจ้าหน้าที่ ปปง. จะไม่ขอรหัสเหล่านี้จากท่าน',
  'twostep.codes.keep3': 'สร้างชุดใหม่ได้ทุกเมื่อจากหน้าบัญชีของฉัน ชุดเดิมจะใช้ไม่ได้ทันที',
  'twostep.codes.continue': 'จดรหัสเรียบร้อยแล้ว ดำเนินการต่อ',

  'twostep.account.title': 'การยืนยันตัวตนสองขั้นตอน',
  'twostep.account.lead': 'ป้องกันบัญชีของท่านแม้รหัสผ่านรั่วไหล โดยขอรหัสจากแอปในโทรศัพท์ทุกครั้งที่เข้าสู่ระบบ',
  'twostep.account.status': 'สถานะ',
  'twostep.account.onSince': 'เปิดใช้งานตั้งแต่ {time} น.',
  'twostep.account.codesLeft': 'รหัสสำรองที่ยังใช้ได้',
  'twostep.account.codesLeftValue': '{count} รหัส',
  'twostep.account.staffRequired': 'บัญชีเจ้าหน้าที่ สำนักงาน ปปง. ต้องใช้การยืนยันตัวตนสองขั้นตอนเสมอ ปิดการใช้งานไม่ได้',
  'twostep.account.password': 'รหัสผ่านปัจจุบัน (เพื่อยืนยันว่าเป็นท่าน)',
  'twostep.account.enableHeading': 'เปิดใช้งาน',
  'twostep.account.enableBody': 'ท่านต้องใช้โทรศัพท์ที่ติดตั้งแอปยืนยันตัวตนได้',
  'twostep.account.enableSubmit': 'ดำเนินการต่อ',
  'twostep.account.regenHeading': 'สร้างรหัสสำรองชุดใหม่',
  'twostep.account.regenBody': 'รหัสสำรองชุดเดิมทั้งหมดจะใช้ไม่ได้ทันที',
  'twostep.account.regenSubmit': 'สร้างรหัสสำรองชุดใหม่',
  'twostep.account.disableHeading': 'ปิดการใช้งาน',
  'twostep.account.disableBody': 'บัญชีของท่านจะป้องกันด้วยรหัสผ่านเพียงอย่างเดียว ต้องกรอกรหัสผ่านและรหัสจากแอปเพื่อยืนยัน',
  'twostep.account.disableSubmit': 'ปิดการยืนยันตัวตนสองขั้นตอน',
  'twostep.account.disabled': 'ปิดการยืนยันตัวตนสองขั้นตอนแล้ว รหัสสำรองทั้งหมดถูกยกเลิก',
  'twostep.account.locked': 'กรอกผิดหลายครั้งเกินไป โปรดลองใหม่หลังเวลา {time} น.',

  // {username} is the invited staff member's user name (ASCII).
  'twostep.invitation.title': 'ตั้งรหัสผ่านสำหรับบัญชี {username}',
  'twostep.invitation.invalid': 'ลิงก์คำเชิญใช้ได้ครั้งเดียวภายใน 72 ชั่วโมง โปรดขอให้ผู้ดูแลระบบส่งคำเชิญใหม่',
  'twostep.invitation.done': 'ตั้งรหัสผ่านแล้ว เข้าสู่ระบบด้วยชื่อผู้ใช้งาน {username} หรืออีเมล แล้วตั้งค่าแอปยืนยันตัวตน',
} as const
