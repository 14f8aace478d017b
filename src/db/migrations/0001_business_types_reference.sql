-- Section-16 business types (domain.md §1.3). Reference data every deployment needs, so it ships
-- as a migration rather than demo seed. Names and the supervising division are editable later.
INSERT INTO "business_types" ("code", "section_item", "name_th", "name_en", "supervising_division", "sort_order") VALUES
  ('investment_adviser', '16(1)', 'ผู้ประกอบอาชีพเกี่ยวกับการให้คำแนะนำหรือเป็นที่ปรึกษาในการลงทุนหรือการเคลื่อนย้ายเงินทุน', 'Investment or capital-movement advisers', 'division_7', 1),
  ('precious_goods', '16(2)', 'ผู้ประกอบอาชีพค้าอัญมณี เพชร พลอย ทองคำ หรือเครื่องประดับ', 'Dealers in gems, diamonds, gold or jewellery', 'division_7', 2),
  ('car_dealer', '16(3)', 'ผู้ประกอบอาชีพค้าหรือให้เช่าซื้อรถยนต์', 'Car dealers and car hire-purchase businesses', 'division_7', 3),
  ('real_estate', '16(4)', 'ผู้ประกอบอาชีพเกี่ยวกับนายหน้าหรือตัวแทนซื้อขายอสังหาริมทรัพย์', 'Real-estate brokers and agents', 'division_7', 4),
  ('antique', '16(5)', 'ผู้ประกอบอาชีพค้าของเก่า', 'Antique and second-hand goods dealers', 'division_7', 5),
  ('personal_loan', '16(6)', 'ผู้ประกอบอาชีพให้บริการสินเชื่อส่วนบุคคลภายใต้การกำกับที่ไม่ใช่สถาบันการเงิน', 'Non-bank supervised personal-loan providers', 'division_7', 6),
  ('e_money_card', '16(7)', 'ผู้ประกอบอาชีพให้บริการบัตรอิเล็กทรอนิกส์ที่ไม่ใช่สถาบันการเงิน', 'Non-bank electronic card issuers', 'division_7', 7),
  ('credit_card', '16(8)', 'ผู้ประกอบอาชีพให้บริการบัตรเครดิตที่ไม่ใช่สถาบันการเงิน', 'Non-bank credit-card issuers', 'division_7', 8),
  ('e_payment', '16(9)', 'ผู้ประกอบอาชีพเป็นผู้ให้บริการการชำระเงินทางอิเล็กทรอนิกส์ที่ไม่ใช่สถาบันการเงิน', 'Non-bank e-payment service providers', 'division_7', 9)
ON CONFLICT ("code") DO NOTHING;
