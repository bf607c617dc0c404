-- The demo desk: organizations of the seed lists, staff, the 2016 and
-- 2019 programs, and appointments and inquiries around today.
-- The program fills two temp tables first:
--   demo_day(n, d)  open desk days around today, n = -10..10 (0 = today
--                   or the next open day), d = 'YYYY-MM-DD'
--   demo_now(today, now)  today's date and now ('YYYY-MM-DDTHH:MM')

INSERT INTO staff (name, kana, desk, active) VALUES
  ('山田 花子', 'やまだ はなこ', 'general', 1),
  ('佐藤 健', 'さとう けん', 'general', 1),
  ('鈴木 美咲', 'すずき みさき', 'content', 1),
  ('田中 一郎', 'たなか いちろう', 'general', 0);

INSERT INTO organization (name, kana, type, municipality, phone, email, note) VALUES
  ('太壱みまもりネットワーク', 'たいちみまもりねっとわーく', 'local', '墨田区', '03-5555-0101', NULL, 'ウェブサイト作成の支援先 (2017)'),
  ('見守りネット・結サポートセンター', 'みまもりねっとゆいさぽーとせんたー', 'local', '立川市', '042-555-0102', NULL, NULL),
  ('たまりば・とうしん', 'たまりばとうしん', 'local', '板橋区', NULL, NULL, NULL),
  ('NPO法人 風のやすみば', 'かぜのやすみば', 'local', '文京区', '03-5555-0104', 'info@example.jp', NULL),
  ('NPO法人 荒川区高年者クラブ連合会', 'あらかわくこうねんしゃくらぶれんごうかい', 'local', '荒川区', NULL, NULL, NULL),
  ('梅島うたの会', 'うめじまうたのかい', 'local', '足立区', NULL, NULL, NULL),
  ('社会福祉法人 楽友会', 'らくゆうかい', 'local', '多摩市', NULL, NULL, NULL),
  ('矢野口地区介護予防ラジオ体操会', 'やのくちちくかいごよぼうらじおたいそうかい', 'local', '稲城市', NULL, NULL, NULL),
  ('楽の会リーラ', 'らくのかいりーら', 'local', '豊島区', NULL, NULL, NULL),
  ('NPO法人 むべの会', 'むべのかい', 'local', '狛江市', NULL, NULL, NULL),
  ('NPO法人 ひの市民活動団体連絡会', 'ひのしみんかつどうだんたいれんらくかい', 'intermediary', '日野市', NULL, NULL, NULL),
  ('八王子高齢者活動コーディネーター会', 'はちおうじこうれいしゃかつどうこーでぃねーたーかい', 'local', '八王子市', NULL, NULL, NULL),
  ('新井の介護を考える会', 'あらいのかいごをかんがえるかい', 'local', '中野区', NULL, NULL, NULL),
  ('街のお助け隊コンセルジュ', 'まちのおたすけたいこんせるじゅ', 'local', '品川区', NULL, NULL, NULL),
  ('要町あさやけ子ども食堂', 'かなめちょうあさやけこどもしょくどう', 'local', '豊島区', NULL, NULL, NULL),
  ('みたか・みんなの広場', 'みたかみんなのひろば', 'local', '三鷹市', NULL, NULL, NULL),
  ('NPO法人 福祉亭', 'ふくしてい', 'local', '多摩市', NULL, NULL, NULL),
  ('東大和市介護予防リーダー会', 'ひがしやまとしかいごよぼうりーだーかい', 'local', '東大和市', NULL, NULL, NULL),
  ('NPO法人 シニア大楽', 'しにあだいがく', 'local', '千代田区', NULL, NULL, NULL),
  ('小金井市けやき通り商店会', 'こがねいしけやきどおりしょうてんかい', 'local', '小金井市', NULL, NULL, NULL),
  ('大田区社会福祉協議会', 'おおたくしゃかいふくしきょうぎかい', 'council', '大田区', '03-5555-0201', NULL, '六郷地区の伴走支援 (2016)'),
  ('杉並区地域包括支援センター ケア24成田', 'けあ24なりた', 'center', '杉並区', '03-5555-0202', NULL, NULL),
  ('清瀬市社会福祉協議会', 'きよせししゃかいふくしきょうぎかい', 'council', '清瀬市', NULL, NULL, NULL),
  ('渋谷区社会福祉協議会', 'しぶやくしゃかいふくしきょうぎかい', 'council', '渋谷区', NULL, NULL, NULL),
  ('多摩市 健康福祉部 高齢支援課', 'たましけんこうふくしぶこうれいしえんか', 'municipality', '多摩市', '042-555-0301', NULL, NULL),
  ('小平市 地域包括ケア推進課', 'こだいらしちいきほうかつけあすいしんか', 'municipality', '小平市', NULL, NULL, NULL),
  ('世田谷区 介護予防・地域支援課', 'せたがやくかいごよぼうちいきしえんか', 'municipality', '世田谷区', NULL, NULL, NULL),
  ('こだいらNPO・市民活動ネットワーク', 'こだいらえぬぴーおーしみんかつどうねっとわーく', 'intermediary', '小平市', NULL, NULL, NULL),
  ('川崎市社会福祉協議会', 'かわさきししゃかいふくしきょうぎかい', 'council', '東京都外', NULL, NULL, '神奈川県: 問い合わせのみ (申込不可)'),
  ('ライフシフト参加希望 個人', 'らいふしふとさんかきぼうこじん', 'individual', '練馬区', NULL, NULL, NULL);

INSERT INTO contact (org_id, name, kana, role, phone) VALUES
  (1, '高橋 由美', 'たかはし ゆみ', '代表', '090-5555-1001'),
  (4, '伊藤 誠', 'いとう まこと', '事務局', '090-5555-1002'),
  (21, '渡辺 直子', 'わたなべ なおこ', '地域福祉コーディネーター', '03-5555-1003'),
  (22, '中村 翔', 'なかむら しょう', '生活支援コーディネーター', '03-5555-1004'),
  (25, '小林 恵', 'こばやし めぐみ', '係長', '042-555-1005'),
  (26, '加藤 大輔', 'かとう だいすけ', '主事', NULL),
  (23, '吉田 明美', 'よしだ あけみ', NULL, NULL),
  (29, '山本 隆', 'やまもと たかし', NULL, NULL);

-- Programs of the seed documents.
INSERT INTO program (name, kind, desk_from, desk_to, deadline, cap, note) VALUES
  ('中間支援力強化のための伴走支援事業 (平成28年度)', '伴走支援', '2016-04-19', '2016-06-30', '2016-06-30', 5,
   '最大5モデル地区。申込書はメール、補足資料は郵送可。支援期間は4-8か月程度。'),
  ('公開講座 (平成31年度)', '公開講座', '2019-04-24', '2019-06-19', '2019-05-31', NULL, '区市町村等向けの入口'),
  ('ライフシフトセミナー (平成31年度)', 'セミナー', NULL, NULL, '2019-06-28', NULL, '40-60歳の企業人向け'),
  ('ライフシフトプログラム (平成31年度)', '研修プログラム', NULL, NULL, '2019-08-16', NULL, 'NPO 3団体 x 3チーム'),
  ('ホームタウン・プロボノ (平成31年度)', 'プロボノ', '2019-05-01', '2019-07-31', '2019-07-31', NULL, '2-6か月の中・長期プロジェクト'),
  ('プロボノ1DAYチャレンジ (平成31年度)', 'プロボノ', NULL, NULL, '2019-09-13', NULL, '準備1か月+本番1日'),
  ('スタディツアー (平成31年度)', 'スタディツアー', NULL, NULL, '2019-10-31', NULL, '11-12月に3回'),
  ('総括イベント (平成31年度)', 'イベント', NULL, NULL, NULL, NULL, '年度末');

INSERT INTO program_item (program_id, item) VALUES (1, 'form_email'), (1, 'papers_post');

INSERT INTO program_event (program_id, uid, title, date, start_min, end_min, place, capacity, reg_deadline) VALUES
  (2, 'demo-2019-lecture-1@madoguchi', '公開講座 (第1回)', '2019-06-05', 840, 1020, '東京都社会福祉保健医療研修センター', 100, '2019-05-31'),
  (2, 'demo-2019-lecture-2@madoguchi', '公開講座 (第2回)', '2019-06-19', 840, 1020, '東京都社会福祉保健医療研修センター', 100, '2019-06-14'),
  (3, 'demo-2019-seminar-1@madoguchi', 'ライフシフトセミナー (平日夜)', '2019-07-03', 1110, 1260, '3331 Arts Chiyoda', 50, '2019-06-28'),
  (3, 'demo-2019-seminar-2@madoguchi', 'ライフシフトセミナー (土曜)', '2019-07-20', 810, 960, '3331 Arts Chiyoda', 50, '2019-07-12'),
  (4, 'demo-2019-lsp-1@madoguchi', 'ライフシフトプログラム 第1回', '2019-08-31', 600, 1020, NULL, 40, '2019-08-16'),
  (4, 'demo-2019-lsp-2@madoguchi', 'ライフシフトプログラム 第2回', '2019-09-07', 600, 1020, NULL, 40, NULL),
  (4, 'demo-2019-lsp-3@madoguchi', 'ライフシフトプログラム 第3回', '2019-09-20', 600, 1020, NULL, 40, NULL),
  (4, 'demo-2019-lsp-4@madoguchi', 'ライフシフトプログラム 第4回', '2019-10-05', 600, 1020, NULL, 40, NULL),
  (6, 'demo-2019-1day@madoguchi', 'プロボノ1DAYチャレンジ', '2019-10-19', 540, 1080, NULL, NULL, '2019-09-13');

INSERT INTO application (program_id, org_id, received, status, note) VALUES
  (1, 21, '2016-06-20', 'selected', '六郷地区'),
  (1, 22, '2016-06-24', 'selected', '宮前地区');
INSERT INTO application_item (application_id, item, done, done_on) VALUES
  (1, 'form_email', 1, '2016-06-20'), (1, 'papers_post', 1, '2016-06-23'),
  (2, 'form_email', 1, '2016-06-24'), (2, 'papers_post', 1, '2016-06-28');

-- A program of today, with its deadline a few desk days away.
INSERT INTO program (name, kind, desk_from, desk_to, deadline, cap, note)
SELECT '中間支援力強化のための伴走支援事業 (追加募集)', '伴走支援',
       (SELECT d FROM demo_day WHERE n = -10), (SELECT d FROM demo_day WHERE n = 4),
       (SELECT d FROM demo_day WHERE n = 4), 5, '追加募集。最大5モデル地区。';
INSERT INTO program_item (program_id, item) SELECT max(id), 'form_email' FROM program;
INSERT INTO program_item (program_id, item) SELECT max(id), 'papers_post' FROM program;
INSERT INTO application (program_id, org_id, received, status)
SELECT max(id), 25, (SELECT d FROM demo_day WHERE n = -3), 'applied' FROM program;
INSERT INTO application_item (application_id, item, done, done_on)
SELECT max(id), 'form_email', 1, (SELECT d FROM demo_day WHERE n = -3) FROM application;
INSERT INTO application_item (application_id, item, done)
SELECT max(id), 'papers_post', 0 FROM application;
INSERT INTO application (program_id, org_id, status)
SELECT max(id), 23, 'consulting' FROM program;

-- Appointments: a pattern of slots on every open day around today.
CREATE TEMP TABLE demo_slot (k INTEGER, staff INTEGER, start_min INTEGER, minutes INTEGER,
                             channel TEXT, room TEXT, topic TEXT, contact INTEGER);
INSERT INTO demo_slot VALUES
  (0, 1, 600, 30, 'phone', NULL, 'meeting', NULL),
  (1, 2, 660, 60, 'visit', '相談室A', 'workshop', NULL),
  (2, 3, 780, 30, 'phone', NULL, 'plan', NULL),
  (3, 1, 840, 60, 'visit', '相談室B', 'direct', NULL),
  (4, 2, 930, 30, 'phone', NULL, 'other', NULL);

INSERT INTO appointment (uid, date, start_min, minutes, channel, booked_via, org_id, contact_id,
                         staff_id, room, status, note)
SELECT 'demo-' || dd.n || '-' || s.k || '@madoguchi', dd.d, s.start_min, s.minutes, s.channel,
       CASE WHEN s.channel = 'visit' THEN (CASE (dd.n + s.k) % 2 WHEN 0 THEN 'phone' ELSE 'email' END) ELSE 'phone' END,
       o.id, (SELECT min(id) FROM contact WHERE org_id = o.id), s.staff, s.room,
       CASE WHEN dd.n < 0 THEN (CASE abs(dd.n * 5 + s.k) % 9 WHEN 0 THEN 'no_show' WHEN 4 THEN 'cancelled' ELSE 'done' END)
            ELSE 'booked' END,
       CASE WHEN s.k = 1 THEN '来所予約。資料を持参予定' WHEN s.k = 3 THEN 'ワークショップの進め方について' ELSE NULL END
FROM demo_day dd JOIN demo_slot s
JOIN organization o ON o.id = 1 + abs(dd.n * 7 + s.k * 3) % 28
WHERE (abs(dd.n) + s.k) % 3 <> 2 AND (dd.n <> 0 OR s.k <> 4);

INSERT INTO appointment_topic (appt_id, topic)
SELECT a.id, s.topic FROM appointment a JOIN demo_slot s ON a.uid LIKE 'demo-%-' || s.k || '@madoguchi';
INSERT OR IGNORE INTO appointment_topic (appt_id, topic)
SELECT id, 'plan' FROM appointment WHERE uid LIKE 'demo-%-1@madoguchi';

-- Inquiries in every status, some overdue; topics from the support menu.
INSERT INTO inquiry (received_at, channel, org_id, contact_id, topic, summary, status, due_date, staff_id, referred_to) VALUES
  ((SELECT d FROM demo_day WHERE n = -6) || 'T10:20', 'phone', 25, 5, 'other',
   '伴走支援事業の申込方法について。申込書はメールで、補足資料は郵送で可と案内。', 'closed', NULL, 1, NULL),
  ((SELECT d FROM demo_day WHERE n = -4) || 'T14:05', 'email', 22, 4, 'workshop',
   'ワークショップ運営支援の内容を知りたい。コミュニティビジネスサポートセンターに引継ぎ。', 'waiting',
   (SELECT d FROM demo_day WHERE n = -1), 3, 'コミュニティビジネスサポートセンター'),
  ((SELECT d FROM demo_day WHERE n = -2) || 'T11:30', 'phone', 26, 6, 'other',
   '追加募集の締切と対象について。折り返し電話の約束。', 'open', (SELECT today FROM demo_now), 2, NULL),
  ((SELECT d FROM demo_day WHERE n = -1) || 'T16:10', 'visit', 1, 1, 'other',
   'ウェブサイトの更新について相談したい。来所予約を検討。', 'open', (SELECT d FROM demo_day WHERE n = 2), 1, NULL),
  ((SELECT d FROM demo_day WHERE n = -1) || 'T09:50', 'post', 29, 8, 'other',
   '都外の団体から申込可否の問い合わせ。都外は申込不可と回答。', 'closed', NULL, 2, NULL),
  ((SELECT today FROM demo_now) || 'T09:40', 'phone', 30, NULL, 'other',
   'ライフシフトプログラムの次回日程を知りたい。', 'open', (SELECT d FROM demo_day WHERE n = 1), 1, NULL);

INSERT INTO inquiry_note (inquiry_id, at, staff_id, text) VALUES
  (2, (SELECT d FROM demo_day WHERE n = -4) || 'T14:20', 3, 'サポートセンターの担当に引継ぎ済み。回答待ち。'),
  (3, (SELECT d FROM demo_day WHERE n = -2) || 'T11:45', 2, '要項を送付。締切日を念押し。');

DROP TABLE demo_slot;
