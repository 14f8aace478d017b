/** Rescoring a cycle (staff). */
export const rescore = {
  'rescore.title': 'คำนวณระดับความเสี่ยงใหม่ทั้งรอบการประเมิน',
  'rescore.lead': 'เลือกรอบการประเมินและชุดเกณฑ์การให้คะแนน ระบบจะแสดงตัวอย่างระดับความเสี่ยงที่จะเปลี่ยนก่อน โดยยังไม่บันทึกผลใด ๆ',
  'rescore.cycle': 'รหัสรอบการประเมิน',
  'rescore.ruleset': 'ชุดเกณฑ์การให้คะแนน',
  'rescore.preview': 'ดูตัวอย่างผลกระทบ',
  'rescore.summary': 'คำนวณด้วยเกณฑ์ {ruleset} ได้ {scored} รายการ ระดับความเสี่ยงจะเปลี่ยน {changed} รายการ',
  'rescore.caption': 'ระดับความเสี่ยงที่จะเปลี่ยน',
  'rescore.colReceipt': 'เลขที่ใบรับ',
  'rescore.colFrom': 'ระดับเดิม',
  'rescore.colTo': 'ระดับใหม่',
  'rescore.notScored': 'ยังไม่ได้ประเมิน',
  'rescore.noChanges': 'ไม่มีระดับความเสี่ยงใดเปลี่ยน',
  'rescore.activateHint': 'เมื่อยืนยัน ระบบจะบันทึกคะแนนใหม่ของทุกรายการในรอบนี้ (คะแนนเดิมเก็บไว้เป็นประวัติ) และบันทึกในประวัติการใช้งาน',
  'rescore.activate': 'ยืนยันใช้ผลการคำนวณใหม่',
  'rescore.supervisorOnly': 'ผู้บังคับบัญชาเป็นผู้ยืนยันการใช้ผลการคำนวณใหม่',
  'rescore.done': 'คำนวณใหม่ด้วยเกณฑ์ {ruleset} แล้ว {scored} รายการ ระดับเปลี่ยน {changed} รายการ',
} as const
