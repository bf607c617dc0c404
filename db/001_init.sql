-- madoguchi schema, version 1.
-- Applied by the program inside one transaction; PRAGMA user_version
-- records the number of the last migration applied.
-- Stored text: valid UTF-8 (checked in C before every write) with no
-- control characters (CHECKs below); notes and summaries may hold
-- newlines and tabs.  Dates are 'YYYY-MM-DD' in the desk's time zone,
-- times of day are minutes after midnight, timestamps are UTC
-- 'YYYY-MM-DDTHH:MM:SSZ'.  mado_now() and mado_actor() are SQL functions
-- the program registers: the pinned clock and the person at the desk.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND length(key) <= 64),
  value TEXT NOT NULL CHECK (value IS NULL OR (value NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(value) <= 1000))
);

-- Tokyo's 62 municipalities, and one row for organizations outside Tokyo.
CREATE TABLE municipality (
  name  TEXT PRIMARY KEY,
  kana  TEXT NOT NULL,
  kind  TEXT NOT NULL CHECK (kind IN ('ku','shi','machi','mura','outside')),
  ord   INTEGER NOT NULL UNIQUE
);

INSERT INTO municipality (name, kana, kind, ord) VALUES
  ('千代田区','ちよだく','ku',1),
  ('中央区','ちゅうおうく','ku',2),
  ('港区','みなとく','ku',3),
  ('新宿区','しんじゅくく','ku',4),
  ('文京区','ぶんきょうく','ku',5),
  ('台東区','たいとうく','ku',6),
  ('墨田区','すみだく','ku',7),
  ('江東区','こうとうく','ku',8),
  ('品川区','しながわく','ku',9),
  ('目黒区','めぐろく','ku',10),
  ('大田区','おおたく','ku',11),
  ('世田谷区','せたがやく','ku',12),
  ('渋谷区','しぶやく','ku',13),
  ('中野区','なかのく','ku',14),
  ('杉並区','すぎなみく','ku',15),
  ('豊島区','としまく','ku',16),
  ('北区','きたく','ku',17),
  ('荒川区','あらかわく','ku',18),
  ('板橋区','いたばしく','ku',19),
  ('練馬区','ねりまく','ku',20),
  ('足立区','あだちく','ku',21),
  ('葛飾区','かつしかく','ku',22),
  ('江戸川区','えどがわく','ku',23),
  ('八王子市','はちおうじし','shi',24),
  ('立川市','たちかわし','shi',25),
  ('武蔵野市','むさしのし','shi',26),
  ('三鷹市','みたかし','shi',27),
  ('青梅市','おうめし','shi',28),
  ('府中市','ふちゅうし','shi',29),
  ('昭島市','あきしまし','shi',30),
  ('調布市','ちょうふし','shi',31),
  ('町田市','まちだし','shi',32),
  ('小金井市','こがねいし','shi',33),
  ('小平市','こだいらし','shi',34),
  ('日野市','ひのし','shi',35),
  ('東村山市','ひがしむらやまし','shi',36),
  ('国分寺市','こくぶんじし','shi',37),
  ('国立市','くにたちし','shi',38),
  ('福生市','ふっさし','shi',39),
  ('狛江市','こまえし','shi',40),
  ('東大和市','ひがしやまとし','shi',41),
  ('清瀬市','きよせし','shi',42),
  ('東久留米市','ひがしくるめし','shi',43),
  ('武蔵村山市','むさしむらやまし','shi',44),
  ('多摩市','たまし','shi',45),
  ('稲城市','いなぎし','shi',46),
  ('羽村市','はむらし','shi',47),
  ('あきる野市','あきるのし','shi',48),
  ('西東京市','にしとうきょうし','shi',49),
  ('瑞穂町','みずほまち','machi',50),
  ('日の出町','ひのでまち','machi',51),
  ('奥多摩町','おくたままち','machi',52),
  ('大島町','おおしままち','machi',53),
  ('八丈町','はちじょうまち','machi',54),
  ('檜原村','ひのはらむら','mura',55),
  ('利島村','としまむら','mura',56),
  ('新島村','にいじまむら','mura',57),
  ('神津島村','こうづしまむら','mura',58),
  ('三宅村','みやけむら','mura',59),
  ('御蔵島村','みくらじまむら','mura',60),
  ('青ヶ島村','あおがしまむら','mura',61),
  ('小笠原村','おがさわらむら','mura',62),
  ('東京都外','とうきょうとがい','outside',99);

CREATE TABLE organization (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) >= 1 AND name NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(name) <= 200),
  kana         TEXT NOT NULL DEFAULT '' CHECK (kana IS NULL OR (kana NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(kana) <= 200)),
  type         TEXT NOT NULL CHECK (type IN ('municipality','council','center','intermediary','local','individual')),
  municipality TEXT NOT NULL REFERENCES municipality(name),
  phone        TEXT CHECK (phone IS NULL OR (phone NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(phone) <= 40)),
  email        TEXT CHECK (email IS NULL OR (email NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(email) <= 254)),
  address      TEXT CHECK (address IS NULL OR (address NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(address) <= 300)),
  note         TEXT CHECK (note IS NULL OR (note NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(note) <= 4000)),
  created_at   TEXT NOT NULL DEFAULT (mado_now()),
  updated_at   TEXT NOT NULL DEFAULT (mado_now())
);

CREATE INDEX organization_kana ON organization(kana, name);

CREATE TABLE contact (
  id       INTEGER PRIMARY KEY,
  org_id   INTEGER NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
  name     TEXT NOT NULL CHECK (length(name) >= 1 AND name NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(name) <= 100),
  kana     TEXT NOT NULL DEFAULT '' CHECK (kana IS NULL OR (kana NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(kana) <= 100)),
  role     TEXT CHECK (role IS NULL OR (role NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(role) <= 100)),
  phone    TEXT CHECK (phone IS NULL OR (phone NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(phone) <= 40)),
  email    TEXT CHECK (email IS NULL OR (email NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(email) <= 254)),
  note     TEXT CHECK (note IS NULL OR (note NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(note) <= 4000)),
  UNIQUE (org_id, name)
);

CREATE TABLE staff (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE CHECK (length(name) >= 1 AND name NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(name) <= 60),
  kana     TEXT NOT NULL DEFAULT '' CHECK (kana IS NULL OR (kana NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(kana) <= 60)),
  desk     TEXT NOT NULL DEFAULT 'general' CHECK (desk IN ('general','content')),
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
);

CREATE TABLE appointment (
  id              INTEGER PRIMARY KEY,
  uid             TEXT NOT NULL UNIQUE CHECK (length(uid) >= 1 AND uid NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(uid) <= 200),
  date            TEXT NOT NULL CHECK (date(date) IS date),
  start_min       INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 720 AND start_min + minutes <= 1440),
  channel         TEXT NOT NULL CHECK (channel IN ('phone','visit')),
  booked_via      TEXT NOT NULL DEFAULT 'phone' CHECK (booked_via IN ('phone','email','in_person')),
  org_id          INTEGER NOT NULL REFERENCES organization(id),
  contact_id      INTEGER REFERENCES contact(id) ON DELETE SET NULL,
  staff_id        INTEGER REFERENCES staff(id),
  room            TEXT CHECK (room IS NULL OR (room NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(room) <= 60)),
  status          TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','done','cancelled','no_show')),
  note            TEXT CHECK (note IS NULL OR (note NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(note) <= 4000)),
  override_reason TEXT CHECK (override_reason IS NULL OR (override_reason NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(override_reason) <= 500)),
  inquiry_id      INTEGER REFERENCES inquiry(id) ON DELETE SET NULL,
  sequence        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL DEFAULT (mado_now()),
  updated_at      TEXT NOT NULL DEFAULT (mado_now()),
  CHECK (channel = 'visit' OR room IS NULL)
);

CREATE INDEX appointment_date ON appointment(date, start_min);
CREATE INDEX appointment_staff ON appointment(staff_id, date);
CREATE INDEX appointment_org ON appointment(org_id, date);

CREATE TABLE appointment_topic (
  appt_id  INTEGER NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
  topic    TEXT NOT NULL CHECK (topic IN ('meeting','workshop','plan','direct','other')),
  PRIMARY KEY (appt_id, topic)
);

CREATE TABLE inquiry (
  id          INTEGER PRIMARY KEY,
  received_at TEXT NOT NULL CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-2][0-9]:[0-5][0-9]' AND date(substr(received_at,1,10)) IS substr(received_at,1,10)),
  channel     TEXT NOT NULL CHECK (channel IN ('phone','email','visit','post')),
  org_id      INTEGER REFERENCES organization(id),
  contact_id  INTEGER REFERENCES contact(id) ON DELETE SET NULL,
  topic       TEXT NOT NULL DEFAULT 'other' CHECK (length(topic) >= 1 AND topic NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(topic) <= 100),
  summary     TEXT NOT NULL CHECK (summary IS NULL OR (summary NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(summary) <= 4000)),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','waiting','closed')),
  due_date    TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  staff_id    INTEGER REFERENCES staff(id),
  referred_to TEXT CHECK (referred_to IS NULL OR (referred_to NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(referred_to) <= 200)),
  appt_id     INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL DEFAULT (mado_now()),
  updated_at  TEXT NOT NULL DEFAULT (mado_now())
);

CREATE INDEX inquiry_status_due ON inquiry(status, due_date);
CREATE INDEX inquiry_org ON inquiry(org_id, received_at);
CREATE INDEX inquiry_received ON inquiry(received_at);

CREATE TABLE inquiry_note (
  id          INTEGER PRIMARY KEY,
  inquiry_id  INTEGER NOT NULL REFERENCES inquiry(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  staff_id    INTEGER REFERENCES staff(id),
  text        TEXT NOT NULL CHECK (text IS NULL OR (text NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(text) <= 4000))
);

CREATE INDEX inquiry_note_inquiry ON inquiry_note(inquiry_id, at);

CREATE TABLE program (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) >= 1 AND name NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(name) <= 200),
  kind       TEXT NOT NULL DEFAULT 'support' CHECK (length(kind) >= 1 AND kind NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(kind) <= 60),
  desk_from  TEXT CHECK (desk_from IS NULL OR date(desk_from) IS desk_from),
  desk_to    TEXT CHECK (desk_to IS NULL OR date(desk_to) IS desk_to),
  deadline   TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
  cap        INTEGER CHECK (cap IS NULL OR cap >= 0),
  outside_ok INTEGER NOT NULL DEFAULT 0 CHECK (outside_ok IN (0,1)),
  note       TEXT CHECK (note IS NULL OR (note NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(note) <= 4000)),
  CHECK (desk_from IS NULL OR desk_to IS NULL OR desk_from <= desk_to)
);

CREATE TABLE program_event (
  id           INTEGER PRIMARY KEY,
  program_id   INTEGER REFERENCES program(id) ON DELETE CASCADE,
  uid          TEXT NOT NULL UNIQUE CHECK (length(uid) >= 1 AND uid NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(uid) <= 200),
  title        TEXT NOT NULL CHECK (length(title) >= 1 AND title NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(title) <= 200),
  date         TEXT NOT NULL CHECK (date(date) IS date),
  start_min    INTEGER CHECK (start_min IS NULL OR start_min BETWEEN 0 AND 1439),
  end_min      INTEGER CHECK (end_min IS NULL OR end_min BETWEEN 1 AND 1440),
  place        TEXT CHECK (place IS NULL OR (place NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(place) <= 200)),
  capacity     INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  reg_deadline TEXT CHECK (reg_deadline IS NULL OR date(reg_deadline) IS reg_deadline),
  note         TEXT CHECK (note IS NULL OR (note NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(note) <= 4000)),
  sequence     INTEGER NOT NULL DEFAULT 0,
  updated_at   TEXT NOT NULL DEFAULT (mado_now()),
  CHECK (start_min IS NULL OR end_min IS NULL OR start_min < end_min)
);

CREATE INDEX program_event_date ON program_event(date);

CREATE TABLE program_item (
  program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
  item       TEXT NOT NULL CHECK (length(item) >= 1 AND item NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(item) <= 100),
  PRIMARY KEY (program_id, item)
);

CREATE TABLE application (
  id          INTEGER PRIMARY KEY,
  program_id  INTEGER NOT NULL REFERENCES program(id),
  org_id      INTEGER NOT NULL REFERENCES organization(id),
  received    TEXT CHECK (received IS NULL OR date(received) IS received),
  status      TEXT NOT NULL DEFAULT 'consulting' CHECK (status IN ('consulting','applied','screening','selected','not_selected','withdrawn')),
  inquiry_id  INTEGER REFERENCES inquiry(id) ON DELETE SET NULL,
  note        TEXT CHECK (note IS NULL OR (note NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(note) <= 4000)),
  created_at  TEXT NOT NULL DEFAULT (mado_now()),
  updated_at  TEXT NOT NULL DEFAULT (mado_now()),
  UNIQUE (program_id, org_id)
);

CREATE TABLE application_item (
  application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
  item           TEXT NOT NULL CHECK (length(item) >= 1 AND item NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(item) <= 100),
  done           INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
  done_on        TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
  PRIMARY KEY (application_id, item)
);

CREATE TABLE staff_block (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE CHECK (length(uid) >= 1 AND uid NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(uid) <= 200),
  staff_id   INTEGER REFERENCES staff(id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date(date) IS date),
  start_min  INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440 AND start_min + minutes <= 1440),
  title      TEXT NOT NULL CHECK (length(title) >= 1 AND title NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(title) <= 200),
  sequence   INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX staff_block_date ON staff_block(date, start_min);

CREATE TABLE closed_day (
  date    TEXT PRIMARY KEY CHECK (date(date) IS date),
  reason  TEXT NOT NULL CHECK (length(reason) >= 1 AND reason NOT GLOB '*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*' AND length(reason) <= 100)
);

CREATE TABLE audit (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  tbl     TEXT NOT NULL,
  row_id  INTEGER,
  action  TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
  old     TEXT,
  new     TEXT
);
CREATE INDEX audit_row ON audit(tbl, row_id);

-- The rules the program checks, held by the database as well.
CREATE TRIGGER application_outside_tokyo BEFORE INSERT ON application
WHEN (SELECT municipality FROM organization WHERE id = NEW.org_id) = '東京都外'
 AND (SELECT outside_ok FROM program WHERE id = NEW.program_id) = 0
BEGIN SELECT RAISE(ABORT, 'rule: organizations outside Tokyo cannot apply'); END;
CREATE TRIGGER application_cap_insert BEFORE INSERT ON application
WHEN NEW.status = 'selected' AND (SELECT cap FROM program WHERE id = NEW.program_id) IS NOT NULL
 AND (SELECT count(*) FROM application WHERE program_id = NEW.program_id AND status = 'selected')
     >= (SELECT cap FROM program WHERE id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'rule: the program has selected as many as its cap'); END;
CREATE TRIGGER application_cap_update BEFORE UPDATE OF status ON application
WHEN NEW.status = 'selected' AND OLD.status <> 'selected'
 AND (SELECT cap FROM program WHERE id = NEW.program_id) IS NOT NULL
 AND (SELECT count(*) FROM application WHERE program_id = NEW.program_id AND status = 'selected')
     >= (SELECT cap FROM program WHERE id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'rule: the program has selected as many as its cap'); END;

-- Audit: every change to a record, with who, when, and old and new values.
CREATE TRIGGER audit_organization_insert AFTER INSERT ON organization BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'organization', NEW.id, 'insert', json_object('id', NEW.id, 'name', NEW.name, 'kana', NEW.kana, 'type', NEW.type, 'municipality', NEW.municipality, 'phone', NEW.phone, 'email', NEW.email, 'address', NEW.address, 'note', NEW.note));
END;
CREATE TRIGGER audit_organization_update AFTER UPDATE ON organization BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'organization', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'kana', OLD.kana, 'type', OLD.type, 'municipality', OLD.municipality, 'phone', OLD.phone, 'email', OLD.email, 'address', OLD.address, 'note', OLD.note), json_object('id', NEW.id, 'name', NEW.name, 'kana', NEW.kana, 'type', NEW.type, 'municipality', NEW.municipality, 'phone', NEW.phone, 'email', NEW.email, 'address', NEW.address, 'note', NEW.note));
END;
CREATE TRIGGER audit_organization_delete AFTER DELETE ON organization BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'organization', OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'kana', OLD.kana, 'type', OLD.type, 'municipality', OLD.municipality, 'phone', OLD.phone, 'email', OLD.email, 'address', OLD.address, 'note', OLD.note));
END;
CREATE TRIGGER audit_contact_insert AFTER INSERT ON contact BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'contact', NEW.id, 'insert', json_object('id', NEW.id, 'org_id', NEW.org_id, 'name', NEW.name, 'kana', NEW.kana, 'role', NEW.role, 'phone', NEW.phone, 'email', NEW.email, 'note', NEW.note));
END;
CREATE TRIGGER audit_contact_update AFTER UPDATE ON contact BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'contact', NEW.id, 'update', json_object('id', OLD.id, 'org_id', OLD.org_id, 'name', OLD.name, 'kana', OLD.kana, 'role', OLD.role, 'phone', OLD.phone, 'email', OLD.email, 'note', OLD.note), json_object('id', NEW.id, 'org_id', NEW.org_id, 'name', NEW.name, 'kana', NEW.kana, 'role', NEW.role, 'phone', NEW.phone, 'email', NEW.email, 'note', NEW.note));
END;
CREATE TRIGGER audit_contact_delete AFTER DELETE ON contact BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'contact', OLD.id, 'delete', json_object('id', OLD.id, 'org_id', OLD.org_id, 'name', OLD.name, 'kana', OLD.kana, 'role', OLD.role, 'phone', OLD.phone, 'email', OLD.email, 'note', OLD.note));
END;
CREATE TRIGGER audit_staff_insert AFTER INSERT ON staff BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'staff', NEW.id, 'insert', json_object('id', NEW.id, 'name', NEW.name, 'kana', NEW.kana, 'desk', NEW.desk, 'active', NEW.active));
END;
CREATE TRIGGER audit_staff_update AFTER UPDATE ON staff BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'staff', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'kana', OLD.kana, 'desk', OLD.desk, 'active', OLD.active), json_object('id', NEW.id, 'name', NEW.name, 'kana', NEW.kana, 'desk', NEW.desk, 'active', NEW.active));
END;
CREATE TRIGGER audit_staff_delete AFTER DELETE ON staff BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'staff', OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'kana', OLD.kana, 'desk', OLD.desk, 'active', OLD.active));
END;
CREATE TRIGGER audit_appointment_insert AFTER INSERT ON appointment BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'appointment', NEW.id, 'insert', json_object('id', NEW.id, 'uid', NEW.uid, 'date', NEW.date, 'start_min', NEW.start_min, 'minutes', NEW.minutes, 'channel', NEW.channel, 'booked_via', NEW.booked_via, 'org_id', NEW.org_id, 'contact_id', NEW.contact_id, 'staff_id', NEW.staff_id, 'room', NEW.room, 'status', NEW.status, 'note', NEW.note, 'override_reason', NEW.override_reason, 'inquiry_id', NEW.inquiry_id, 'sequence', NEW.sequence));
END;
CREATE TRIGGER audit_appointment_update AFTER UPDATE ON appointment BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'appointment', NEW.id, 'update', json_object('id', OLD.id, 'uid', OLD.uid, 'date', OLD.date, 'start_min', OLD.start_min, 'minutes', OLD.minutes, 'channel', OLD.channel, 'booked_via', OLD.booked_via, 'org_id', OLD.org_id, 'contact_id', OLD.contact_id, 'staff_id', OLD.staff_id, 'room', OLD.room, 'status', OLD.status, 'note', OLD.note, 'override_reason', OLD.override_reason, 'inquiry_id', OLD.inquiry_id, 'sequence', OLD.sequence), json_object('id', NEW.id, 'uid', NEW.uid, 'date', NEW.date, 'start_min', NEW.start_min, 'minutes', NEW.minutes, 'channel', NEW.channel, 'booked_via', NEW.booked_via, 'org_id', NEW.org_id, 'contact_id', NEW.contact_id, 'staff_id', NEW.staff_id, 'room', NEW.room, 'status', NEW.status, 'note', NEW.note, 'override_reason', NEW.override_reason, 'inquiry_id', NEW.inquiry_id, 'sequence', NEW.sequence));
END;
CREATE TRIGGER audit_appointment_delete AFTER DELETE ON appointment BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'appointment', OLD.id, 'delete', json_object('id', OLD.id, 'uid', OLD.uid, 'date', OLD.date, 'start_min', OLD.start_min, 'minutes', OLD.minutes, 'channel', OLD.channel, 'booked_via', OLD.booked_via, 'org_id', OLD.org_id, 'contact_id', OLD.contact_id, 'staff_id', OLD.staff_id, 'room', OLD.room, 'status', OLD.status, 'note', OLD.note, 'override_reason', OLD.override_reason, 'inquiry_id', OLD.inquiry_id, 'sequence', OLD.sequence));
END;
CREATE TRIGGER audit_appointment_topic_insert AFTER INSERT ON appointment_topic BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'appointment_topic', NEW.appt_id, 'insert', json_object('appt_id', NEW.appt_id, 'topic', NEW.topic));
END;
CREATE TRIGGER audit_appointment_topic_update AFTER UPDATE ON appointment_topic BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'appointment_topic', NEW.appt_id, 'update', json_object('appt_id', OLD.appt_id, 'topic', OLD.topic), json_object('appt_id', NEW.appt_id, 'topic', NEW.topic));
END;
CREATE TRIGGER audit_appointment_topic_delete AFTER DELETE ON appointment_topic BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'appointment_topic', OLD.appt_id, 'delete', json_object('appt_id', OLD.appt_id, 'topic', OLD.topic));
END;
CREATE TRIGGER audit_inquiry_insert AFTER INSERT ON inquiry BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'inquiry', NEW.id, 'insert', json_object('id', NEW.id, 'received_at', NEW.received_at, 'channel', NEW.channel, 'org_id', NEW.org_id, 'contact_id', NEW.contact_id, 'topic', NEW.topic, 'summary', NEW.summary, 'status', NEW.status, 'due_date', NEW.due_date, 'staff_id', NEW.staff_id, 'referred_to', NEW.referred_to, 'appt_id', NEW.appt_id));
END;
CREATE TRIGGER audit_inquiry_update AFTER UPDATE ON inquiry BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'inquiry', NEW.id, 'update', json_object('id', OLD.id, 'received_at', OLD.received_at, 'channel', OLD.channel, 'org_id', OLD.org_id, 'contact_id', OLD.contact_id, 'topic', OLD.topic, 'summary', OLD.summary, 'status', OLD.status, 'due_date', OLD.due_date, 'staff_id', OLD.staff_id, 'referred_to', OLD.referred_to, 'appt_id', OLD.appt_id), json_object('id', NEW.id, 'received_at', NEW.received_at, 'channel', NEW.channel, 'org_id', NEW.org_id, 'contact_id', NEW.contact_id, 'topic', NEW.topic, 'summary', NEW.summary, 'status', NEW.status, 'due_date', NEW.due_date, 'staff_id', NEW.staff_id, 'referred_to', NEW.referred_to, 'appt_id', NEW.appt_id));
END;
CREATE TRIGGER audit_inquiry_delete AFTER DELETE ON inquiry BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'inquiry', OLD.id, 'delete', json_object('id', OLD.id, 'received_at', OLD.received_at, 'channel', OLD.channel, 'org_id', OLD.org_id, 'contact_id', OLD.contact_id, 'topic', OLD.topic, 'summary', OLD.summary, 'status', OLD.status, 'due_date', OLD.due_date, 'staff_id', OLD.staff_id, 'referred_to', OLD.referred_to, 'appt_id', OLD.appt_id));
END;
CREATE TRIGGER audit_inquiry_note_insert AFTER INSERT ON inquiry_note BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'inquiry_note', NEW.id, 'insert', json_object('id', NEW.id, 'inquiry_id', NEW.inquiry_id, 'at', NEW.at, 'staff_id', NEW.staff_id, 'text', NEW.text));
END;
CREATE TRIGGER audit_inquiry_note_update AFTER UPDATE ON inquiry_note BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'inquiry_note', NEW.id, 'update', json_object('id', OLD.id, 'inquiry_id', OLD.inquiry_id, 'at', OLD.at, 'staff_id', OLD.staff_id, 'text', OLD.text), json_object('id', NEW.id, 'inquiry_id', NEW.inquiry_id, 'at', NEW.at, 'staff_id', NEW.staff_id, 'text', NEW.text));
END;
CREATE TRIGGER audit_inquiry_note_delete AFTER DELETE ON inquiry_note BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'inquiry_note', OLD.id, 'delete', json_object('id', OLD.id, 'inquiry_id', OLD.inquiry_id, 'at', OLD.at, 'staff_id', OLD.staff_id, 'text', OLD.text));
END;
CREATE TRIGGER audit_program_insert AFTER INSERT ON program BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'program', NEW.id, 'insert', json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'desk_from', NEW.desk_from, 'desk_to', NEW.desk_to, 'deadline', NEW.deadline, 'cap', NEW.cap, 'outside_ok', NEW.outside_ok, 'note', NEW.note));
END;
CREATE TRIGGER audit_program_update AFTER UPDATE ON program BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'program', NEW.id, 'update', json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'desk_from', OLD.desk_from, 'desk_to', OLD.desk_to, 'deadline', OLD.deadline, 'cap', OLD.cap, 'outside_ok', OLD.outside_ok, 'note', OLD.note), json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'desk_from', NEW.desk_from, 'desk_to', NEW.desk_to, 'deadline', NEW.deadline, 'cap', NEW.cap, 'outside_ok', NEW.outside_ok, 'note', NEW.note));
END;
CREATE TRIGGER audit_program_delete AFTER DELETE ON program BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'program', OLD.id, 'delete', json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'desk_from', OLD.desk_from, 'desk_to', OLD.desk_to, 'deadline', OLD.deadline, 'cap', OLD.cap, 'outside_ok', OLD.outside_ok, 'note', OLD.note));
END;
CREATE TRIGGER audit_program_event_insert AFTER INSERT ON program_event BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'program_event', NEW.id, 'insert', json_object('id', NEW.id, 'program_id', NEW.program_id, 'uid', NEW.uid, 'title', NEW.title, 'date', NEW.date, 'start_min', NEW.start_min, 'end_min', NEW.end_min, 'place', NEW.place, 'capacity', NEW.capacity, 'reg_deadline', NEW.reg_deadline, 'note', NEW.note, 'sequence', NEW.sequence));
END;
CREATE TRIGGER audit_program_event_update AFTER UPDATE ON program_event BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'program_event', NEW.id, 'update', json_object('id', OLD.id, 'program_id', OLD.program_id, 'uid', OLD.uid, 'title', OLD.title, 'date', OLD.date, 'start_min', OLD.start_min, 'end_min', OLD.end_min, 'place', OLD.place, 'capacity', OLD.capacity, 'reg_deadline', OLD.reg_deadline, 'note', OLD.note, 'sequence', OLD.sequence), json_object('id', NEW.id, 'program_id', NEW.program_id, 'uid', NEW.uid, 'title', NEW.title, 'date', NEW.date, 'start_min', NEW.start_min, 'end_min', NEW.end_min, 'place', NEW.place, 'capacity', NEW.capacity, 'reg_deadline', NEW.reg_deadline, 'note', NEW.note, 'sequence', NEW.sequence));
END;
CREATE TRIGGER audit_program_event_delete AFTER DELETE ON program_event BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'program_event', OLD.id, 'delete', json_object('id', OLD.id, 'program_id', OLD.program_id, 'uid', OLD.uid, 'title', OLD.title, 'date', OLD.date, 'start_min', OLD.start_min, 'end_min', OLD.end_min, 'place', OLD.place, 'capacity', OLD.capacity, 'reg_deadline', OLD.reg_deadline, 'note', OLD.note, 'sequence', OLD.sequence));
END;
CREATE TRIGGER audit_program_item_insert AFTER INSERT ON program_item BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'program_item', NEW.program_id, 'insert', json_object('program_id', NEW.program_id, 'item', NEW.item));
END;
CREATE TRIGGER audit_program_item_update AFTER UPDATE ON program_item BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'program_item', NEW.program_id, 'update', json_object('program_id', OLD.program_id, 'item', OLD.item), json_object('program_id', NEW.program_id, 'item', NEW.item));
END;
CREATE TRIGGER audit_program_item_delete AFTER DELETE ON program_item BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'program_item', OLD.program_id, 'delete', json_object('program_id', OLD.program_id, 'item', OLD.item));
END;
CREATE TRIGGER audit_application_insert AFTER INSERT ON application BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'application', NEW.id, 'insert', json_object('id', NEW.id, 'program_id', NEW.program_id, 'org_id', NEW.org_id, 'received', NEW.received, 'status', NEW.status, 'inquiry_id', NEW.inquiry_id, 'note', NEW.note));
END;
CREATE TRIGGER audit_application_update AFTER UPDATE ON application BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'application', NEW.id, 'update', json_object('id', OLD.id, 'program_id', OLD.program_id, 'org_id', OLD.org_id, 'received', OLD.received, 'status', OLD.status, 'inquiry_id', OLD.inquiry_id, 'note', OLD.note), json_object('id', NEW.id, 'program_id', NEW.program_id, 'org_id', NEW.org_id, 'received', NEW.received, 'status', NEW.status, 'inquiry_id', NEW.inquiry_id, 'note', NEW.note));
END;
CREATE TRIGGER audit_application_delete AFTER DELETE ON application BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'application', OLD.id, 'delete', json_object('id', OLD.id, 'program_id', OLD.program_id, 'org_id', OLD.org_id, 'received', OLD.received, 'status', OLD.status, 'inquiry_id', OLD.inquiry_id, 'note', OLD.note));
END;
CREATE TRIGGER audit_application_item_insert AFTER INSERT ON application_item BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'application_item', NEW.application_id, 'insert', json_object('application_id', NEW.application_id, 'item', NEW.item, 'done', NEW.done, 'done_on', NEW.done_on));
END;
CREATE TRIGGER audit_application_item_update AFTER UPDATE ON application_item BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'application_item', NEW.application_id, 'update', json_object('application_id', OLD.application_id, 'item', OLD.item, 'done', OLD.done, 'done_on', OLD.done_on), json_object('application_id', NEW.application_id, 'item', NEW.item, 'done', NEW.done, 'done_on', NEW.done_on));
END;
CREATE TRIGGER audit_application_item_delete AFTER DELETE ON application_item BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'application_item', OLD.application_id, 'delete', json_object('application_id', OLD.application_id, 'item', OLD.item, 'done', OLD.done, 'done_on', OLD.done_on));
END;
CREATE TRIGGER audit_staff_block_insert AFTER INSERT ON staff_block BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'staff_block', NEW.id, 'insert', json_object('id', NEW.id, 'uid', NEW.uid, 'staff_id', NEW.staff_id, 'date', NEW.date, 'start_min', NEW.start_min, 'minutes', NEW.minutes, 'title', NEW.title, 'sequence', NEW.sequence));
END;
CREATE TRIGGER audit_staff_block_update AFTER UPDATE ON staff_block BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'staff_block', NEW.id, 'update', json_object('id', OLD.id, 'uid', OLD.uid, 'staff_id', OLD.staff_id, 'date', OLD.date, 'start_min', OLD.start_min, 'minutes', OLD.minutes, 'title', OLD.title, 'sequence', OLD.sequence), json_object('id', NEW.id, 'uid', NEW.uid, 'staff_id', NEW.staff_id, 'date', NEW.date, 'start_min', NEW.start_min, 'minutes', NEW.minutes, 'title', NEW.title, 'sequence', NEW.sequence));
END;
CREATE TRIGGER audit_staff_block_delete AFTER DELETE ON staff_block BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'staff_block', OLD.id, 'delete', json_object('id', OLD.id, 'uid', OLD.uid, 'staff_id', OLD.staff_id, 'date', OLD.date, 'start_min', OLD.start_min, 'minutes', OLD.minutes, 'title', OLD.title, 'sequence', OLD.sequence));
END;
CREATE TRIGGER audit_closed_day_insert AFTER INSERT ON closed_day BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, new) VALUES (mado_now(), mado_actor(), 'closed_day', NULL, 'insert', json_object('date', NEW.date, 'reason', NEW.reason));
END;
CREATE TRIGGER audit_closed_day_update AFTER UPDATE ON closed_day BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old, new) VALUES (mado_now(), mado_actor(), 'closed_day', NULL, 'update', json_object('date', OLD.date, 'reason', OLD.reason), json_object('date', NEW.date, 'reason', NEW.reason));
END;
CREATE TRIGGER audit_closed_day_delete AFTER DELETE ON closed_day BEGIN
  INSERT INTO audit (at, actor, tbl, row_id, action, old) VALUES (mado_now(), mado_actor(), 'closed_day', NULL, 'delete', json_object('date', OLD.date, 'reason', OLD.reason));
END;
