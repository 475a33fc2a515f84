-- CLS-1, CLS-2, CLS-5, CLS-6, CLS-7: the hospital's classification catalogue as the regulations (seeds 000, 001,
-- 003) state it. The confidentiality office changes it afterwards on the guide screen; each change is a new
-- catalogue version. Maximum periods follow the national rule (绝密 30, 机密 20, 秘密 10 years); the hospital
-- may set shorter ones.

INSERT INTO cls_level (level, rank, hospital_secret, harm_zh, harm_en, max_period_years,
    storage_zh, storage_en, transfer_zh, transfer_en, copying_zh, copying_en, destruction_zh, destruction_en) VALUES
('TOP_SECRET', 5, TRUE,
 '最重要的医院秘密，泄露会使医院的权益及经济利益遭受特别严重的损害。例如：直接影响医院权益或经济利益的重要决策文件、资料，奖金与提成收入。',
 'The most important hospital secrets: disclosure would cause especially serious harm to the hospital''s rights and economic interests. For example: important decisions and papers that directly affect the hospital''s rights or economic interests; bonuses and commissions.',
 30,
 '存放在设备完善的保险装置（保密柜）中，专人保管，逐件登记；电子文件只在涉密计算机上加密存储，不得存放在联网计算机或个人设备上。',
 'Kept in a fully equipped safe (security cabinet) under a named custodian and registered item by item; electronic files only encrypted on a classified computer, never on a networked computer or a personal device.',
 '由院长指定的人员专人递送、当面交接并签收；不得通过普通邮寄、传真、电子邮件或互联网传递；不得横向传阅；外出携带须经院长批准。',
 'Delivered by hand by a person the president names, handed over in person against signature; never by ordinary post, fax, e-mail or the Internet; no sideways circulation; taking it out of the hospital needs the president''s approval.',
 '非经院长批准不得复制、摘抄、翻印；经批准的复制件与原件同等管理，并登记份数。',
 'No copying, excerpting or reprinting without the president''s approval; approved copies are managed like the original and counted in the register.',
 '经院长批准，由两人监销（碎纸机或专用销毁设备），登记销毁清单；存储介质作物理销毁。',
 'With the president''s approval, destroyed under the supervision of two people (shredder or dedicated equipment) and entered in a destruction list; storage media are physically destroyed.'),
('HIGHLY_SECRET', 4, TRUE,
 '相对重要的医院秘密，泄露会使医院权益和利益遭受严重的损害。例如：医院年度规划、工作计划、财务报表、统计资料、重要会议记录、医院经营情况、员工工资性收入。',
 'Important hospital secrets: disclosure would cause serious harm to the hospital''s rights and interests. For example: annual plans, work plans, financial statements, statistics, minutes of important meetings, operating data, staff salaries.',
 20,
 '存放在带锁的保密柜中，专人保管并登记；电子文件加密存储，访问权限限于知悉范围。',
 'Kept in a locked security cabinet under a named custodian and registered; electronic files encrypted, readable only by those who need to know.',
 '由指定人员收发、传递，并采取必要的安全措施；电子传递只经加密通道；不得横向传阅。',
 'Sent, received and carried by designated people with the necessary precautions; electronic transfer only over encrypted channels; no sideways circulation.',
 '非经院长或其指定负责人批准不得复制、摘抄；复制件登记。',
 'No copying or excerpting without the approval of the president or the person the president designates; copies are registered.',
 '经批准后由两人监销，并登记。',
 'Destroyed after approval under the supervision of two people, and registered.'),
('SECRET', 3, TRUE,
 '一般的医院秘密，泄露会使医院的权益和利益遭受损害。例如：医院人事档案、合同、协议、尚未进入市场或尚未公开的各类信息。',
 'Ordinary hospital secrets: disclosure would harm the hospital''s rights and interests. For example: personnel files, contracts, agreements, information not yet on the market or not yet published.',
 10,
 '存放在带锁的文件柜中，下班、外出时桌柜加锁；电子文件存放在有访问控制的系统中。',
 'Kept in a locked filing cabinet, desks and cabinets locked after work and when away; electronic files in systems with access control.',
 '由指定人员收发、传递；电子传递经加密通道；不得在私人通信和公共场所中涉及。',
 'Sent and received by designated people; electronic transfer over encrypted channels; never mentioned in private correspondence or in public places.',
 '经批准方可复制、摘抄，并登记。',
 'Copied or excerpted only with approval, and registered.',
 '集中粉碎销毁，不得作为废纸出售，并登记。',
 'Shredded centrally, never sold as waste paper, and registered.'),
('INTERNAL', 2, FALSE,
 '不属于医院秘密，仅限医院内部使用：一般性决定、决议、通告、通知、行政管理资料等内部文件（最高定为内部）。未经审核不得对外发布。',
 'Not a hospital secret, for use inside the hospital only: general decisions, resolutions, notices, announcements and administrative material (internal at most). Not released outside without review.',
 NULL,
 '存放在医院内部系统或办公室中，不得公开张贴或上传到互联网。',
 'Kept in the hospital''s internal systems or offices; never posted publicly or uploaded to the Internet.',
 '在医院内部渠道传递；对外提供须经发布审核。',
 'Passed on through the hospital''s internal channels; giving it to outsiders needs a publication review.',
 '工作需要时可以复制，不得对外提供。',
 'May be copied for work; never given to outsiders.',
 '废弃时粉碎处理，不得随意丢弃。',
 'Shredded when discarded, never thrown away as it is.'),
('PUBLIC', 1, FALSE,
 '已经或可以向社会公开的信息，泄露不会造成损害。对外发布前须经相关部门审核。',
 'Information that is or may be made public; disclosure causes no harm. Release outside the hospital is reviewed by the responsible department first.',
 NULL,
 '无特别要求。', 'No special requirement.',
 '无特别要求。', 'No special requirement.',
 '无特别要求。', 'No special requirement.',
 '按一般档案管理规定处理。', 'As the general records management rules say.');

INSERT INTO cls_domain (code, name_zh, name_en, sort_order) VALUES
('PAT',   '患者隐私',           'Patient privacy',                          10),
('TECH',  '医疗技术与科研',     'Medical technology and research',          20),
('MGMT',  '内部管理',           'Internal management',                      30),
('STAFF', '职工个人信息',       'Staff personal information',               40),
('SYS',   '信息系统',           'Information systems',                      50),
('SEAL',  '印鉴、账号与通信',   'Seals, account numbers and communications', 60),
('EPI',   '疫情信息',           'Epidemic information',                     70),
('AV',    '音像资料',           'Audio-visual material',                    80),
('EXT',   '上级来文',           'Documents of higher authorities',          90);

-- A category row: code, domain, names, description, default level, period (kind, years, condition), protection
-- notes, not-a-secret flag, order.
INSERT INTO cls_category (code, domain_id, name_zh, name_en, description_zh, description_en, default_level,
    period_kind, period_years, period_condition_zh, period_condition_en, protection_zh, protection_en, not_secret,
    sort_order)
SELECT c.code, d.id, c.name_zh, c.name_en, c.description_zh, c.description_en, c.default_level, c.period_kind,
       c.period_years, c.condition_zh, c.condition_en, c.protection_zh, c.protection_en, c.not_secret, c.sort_order
FROM (VALUES
-- Patient privacy (CLS-6; 000 §二, 003 §3): reached only by those who care for the patient (ACC-4).
('PAT-IDENTITY', 'PAT', '患者身份信息', 'Patient identity', '姓名、性别、年龄、住址等可识别患者的信息。', 'Name, sex, age, address and other details that identify a patient.', 'SECRET', 'INDEFINITE', NULL::int, NULL, NULL, '仅诊疗相关人员按需知悉；对外提供须经审批并记录。', 'Known only to those involved in the patient''s care; release outside needs approval and is recorded.', FALSE, 10),
('PAT-ID-NUMBER', 'PAT', '患者身份证件号码', 'Patient ID number', '身份证、医保卡、护照等证件号码。', 'Numbers of identity cards, insurance cards, passports.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '界面默认脱敏显示；导出须审批。', 'Masked on screens by default; exports need approval.', FALSE, 20),
('PAT-CONTACT', 'PAT', '患者联系方式', 'Patient contact details', '电话、住址、紧急联系人。', 'Telephone numbers, addresses, emergency contacts.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 30),
('PAT-DIAGNOSIS', 'PAT', '疾病诊断', 'Diagnoses', '患者的疾病诊断及病情。', 'A patient''s diagnoses and condition.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '不得在公共场所谈论；向家属告知须符合规定。', 'Never discussed in public places; relatives are told only as the rules allow.', FALSE, 40),
('PAT-TREATMENT', 'PAT', '治疗方案', 'Treatment plans', '治疗方案、用药、手术记录。', 'Treatment plans, medication, operation records.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 50),
('PAT-RECORD', 'PAT', '病历资料', 'Medical records', '门诊、住院病历及医疗记录。', 'Outpatient and inpatient records and other medical records.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '借阅、复印按病案管理规定审批并登记。', 'Borrowing and copying are approved and registered as the medical records rules say.', FALSE, 60),
('PAT-EXAM', 'PAT', '检查检验结果', 'Examination and test results', '影像、检验、病理等结果与报告。', 'Imaging, laboratory and pathology results and reports.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 70),
('PAT-EHR', 'PAT', '电子健康档案', 'Electronic health records', '电子病历与电子健康档案中的全部数据。', 'All data of the electronic medical and health records.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '加密存储和传输；访问留痕。', 'Encrypted at rest and in transit; every access logged.', FALSE, 80),
('PAT-FEE-LIST', 'PAT', '费用清单', 'Fee lists', '门诊、住院费用清单。患者本人凭身份证明可查阅打印（ACC-5）。', 'Outpatient and inpatient fee lists. The patient may view and print their own on proof of identity (ACC-5).', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '他人查阅、打印、下载须经院长批准。', 'Anyone else needs the president''s approval to view, print or download.', FALSE, 90),
-- Medical technology and research (CLS-6; 001 §3, 003 §3).
('TECH-METHOD', 'TECH', '新的诊疗方法与技术', 'New diagnostic and treatment methods', '医院独有、尚未公开的诊疗方法和新技术。', 'Methods and techniques of the hospital''s own that are not yet published.', 'SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 10),
('TECH-RESEARCH', 'TECH', '科研数据与在研项目', 'Research data and projects in progress', '正在研究的科研项目或设想、实验数据。', 'Research projects or ideas in progress and their experimental data.', 'SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 20),
('TECH-RESULT', 'TECH', '科技成果', 'Research results', '尚未公开的科技成果。', 'Research results not yet published.', 'HIGHLY_SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 30),
('TECH-PAPER', 'TECH', '未发表论文', 'Unpublished papers', '投稿前或审稿中的论文与书稿。', 'Papers and manuscripts before or during review.', 'SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 40),
('TECH-PATENT', 'TECH', '专利技术（申请公开前）', 'Patents (before publication of the application)', '专利申请公开前的技术方案。', 'Technical solutions before the patent application is published.', 'HIGHLY_SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 50),
('TECH-FORMULA', 'TECH', '药物制剂配方', 'Drug formulas', '有价值的药物制剂配方及工艺。', 'Valuable formulas of drug preparations and how they are made.', 'HIGHLY_SECRET', 'YEARS', 20, NULL, NULL, '', '', FALSE, 60),
-- Internal management (CLS-2 default levels; 001 §4.3, §4.4, §11).
('MGMT-DECISION', 'MGMT', '重要决策', 'Major decisions', '直接影响医院权益或经济利益的重要决策文件、资料；重大决策中的秘密事项。', 'Decisions and papers that directly affect the hospital''s rights or economic interests; the secret matters of major decisions.', 'TOP_SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 10),
('MGMT-BONUS', 'MGMT', '奖金与提成收入', 'Bonuses and commissions', '奖金、提成分配方案与明细。', 'Bonus and commission schemes and their details.', 'TOP_SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 20),
('MGMT-STRATEGY', 'MGMT', '发展战略与规划', 'Strategy and development plans', '尚未付诸实施的发展战略、发展方向、发展规划、经营项目。', 'Strategy, direction, development plans and projects not yet put into effect.', 'HIGHLY_SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 30),
('MGMT-PLAN', 'MGMT', '年度规划与工作计划', 'Annual and work plans', '医院年度规划、工作计划。', 'The hospital''s annual plans and work plans.', 'HIGHLY_SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 40),
('MGMT-FINANCE', 'MGMT', '财务报表', 'Financial statements', '各类财务报表与财务信息。', 'Financial statements and other financial information.', 'HIGHLY_SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 50),
('MGMT-BUDGET', 'MGMT', '预决算报告', 'Budgets and final accounts', '医院财务预算、决算报告。', 'The hospital''s budgets and final accounts.', 'HIGHLY_SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 60),
('MGMT-STATISTICS', 'MGMT', '统计报表与统计资料', 'Statistical reports', '各类统计报表、统计资料。', 'Statistical reports and data.', 'HIGHLY_SECRET', 'YEARS', 5, NULL, NULL, '', '', FALSE, 70),
('MGMT-MINUTES', 'MGMT', '重要会议记录', 'Minutes of important meetings', '院务会、党委会等重要会议的记录；主要会议记录。', 'Minutes of the hospital board, the party committee and other important meetings.', 'HIGHLY_SECRET', 'YEARS', 10, NULL, NULL, '会议选择具备保密条件的场所，限定参会人员，会议文件按规定管理。', 'Meetings are held where secrecy can be kept, with a limited list of participants; their papers are managed as the rules say.', FALSE, 80),
('MGMT-OPERATIONS', 'MGMT', '经营情况与运营数据', 'Operating data', '医院经营情况、运营数据。', 'The hospital''s operating results and data.', 'HIGHLY_SECRET', 'YEARS', 5, NULL, NULL, '', '', FALSE, 90),
('MGMT-SALARY', 'MGMT', '员工工资性收入', 'Staff salaries', '工资性、劳务性收入及资料。', 'Salaries, fees for services and the records of them.', 'HIGHLY_SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 100),
('MGMT-HR-FILE', 'MGMT', '人事档案', 'Personnel files', '员工人事档案。', 'Staff personnel files.', 'SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 110),
('MGMT-PERSONNEL', 'MGMT', '人事考察与调配', 'Personnel decisions in progress', '干部考察提拔、人事调配、晋职晋级、违纪案件调查处理。', 'Appraisals and promotions of cadres, transfers, advancement, investigations of misconduct.', 'SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '保密期间内不得向局外人透露。', 'Never told to outsiders while the matter is confidential.', FALSE, 120),
('MGMT-CONTRACT', 'MGMT', '合同与协议', 'Contracts and agreements', '医院掌握的合同、协议、意见书及可行性报告。', 'Contracts, agreements, opinions and feasibility studies the hospital holds.', 'SECRET', 'YEARS', 5, NULL, NULL, '', '', FALSE, 130),
('MGMT-PROCUREMENT', 'MGMT', '采购信息', 'Procurement', '招标采购的标底、评标与未公开的采购信息。', 'Reserve prices, bid evaluations and unpublished procurement information.', 'SECRET', 'CONDITION', NULL, '至采购结果公布', 'until the result of the procurement is published', '', '', FALSE, 140),
('MGMT-UNPUBLISHED', 'MGMT', '尚未公开的信息', 'Unpublished information', '医院掌握的尚未进入市场或尚未公开的各类信息。', 'Information the hospital holds that is not yet on the market or not yet published.', 'SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '', '', FALSE, 150),
('MGMT-GENERAL', 'MGMT', '一般性决定、决议与通知', 'General decisions, resolutions and notices', '一般性决定、决议、通告、通知等内部文件，不属于医院秘密。', 'General decisions, resolutions, announcements and notices: internal papers, not hospital secrets.', 'INTERNAL', 'NONE', NULL, NULL, NULL, '', '', TRUE, 160),
('MGMT-ADMIN', 'MGMT', '行政管理资料', 'Administrative material', '日常行政管理资料，不属于医院秘密。', 'Day-to-day administrative material, not hospital secrets.', 'INTERNAL', 'NONE', NULL, NULL, NULL, '', '', TRUE, 170),
-- Staff personal information (CLS-6; 001 §11).
('STAFF-ADDRESS', 'STAFF', '职工家庭地址', 'Home addresses of staff', '职工家庭住址。', 'Where members of staff live.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 10),
('STAFF-FAMILY', 'STAFF', '职工家庭成员', 'Family of staff', '职工家庭成员情况。', 'Details of the families of members of staff.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 20),
('STAFF-CONTACT', 'STAFF', '职工通讯方式', 'Contact details of staff', '职工个人电话、通讯方式。', 'Personal telephone numbers and other contact details of staff.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 30),
-- Information systems (CLS-6; 001 §2, §9, §13; 003 §3).
('SYS-DATA', 'SYS', '信息系统数据', 'Data of information systems', '医院信息系统中的业务数据、数据字典。', 'Business data and data dictionaries of the hospital''s information systems.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '查询或修改须经科室负责人同意并记录。', 'Querying or changing needs the department head''s consent and is recorded.', FALSE, 10),
('SYS-ACCESS', 'SYS', '系统访问权限与账号口令', 'System access rights and credentials', '系统访问权限、账号、口令及密钥。', 'Access rights, accounts, passwords and keys of the systems.', 'HIGHLY_SECRET', 'INDEFINITE', NULL, NULL, NULL, '口令与密钥不得书面记录或告知他人。', 'Passwords and keys are never written down or told to anyone.', FALSE, 20),
('SYS-BACKUP', 'SYS', '备份数据', 'Backups', '业务数据的备份及转储介质。', 'Backups of business data and the media they are on.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '专人保管，异地存放，存放地点防火、防潮、防磁、防盗。', 'Kept by a named person off site, where they are safe from fire, damp, magnetism and theft.', FALSE, 30),
-- Seals, account numbers, communications (001 §3 八).
('SEAL-SEAL', 'SEAL', '印鉴', 'Seals', '医院及科室印章、印鉴。', 'Seals of the hospital and its departments.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '专人管理，建立使用登记。', 'Kept by a named person, every use registered.', FALSE, 10),
('SEAL-ACCOUNT', 'SEAL', '账号', 'Account numbers', '银行账号及其他账户信息。', 'Bank account numbers and other account details.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 20),
('SEAL-FAX', 'SEAL', '传真号与机要通信', 'Fax numbers and confidential communications', '机要传真号码、机要通信方式。', 'Numbers of the confidential fax and other confidential means of communication.', 'SECRET', 'INDEFINITE', NULL, NULL, NULL, '', '', FALSE, 30),
('SEAL-REGISTER', 'SEAL', '收发文件登记本', 'Registers of incoming and outgoing papers', '机要文件及收发文件登记本。', 'Confidential papers and the registers of papers received and sent.', 'SECRET', 'YEARS', 10, NULL, NULL, '', '', FALSE, 40),
-- Epidemic information (001 §3 八).
('EPI-REPORT', 'EPI', '未公布的疫情信息', 'Unpublished epidemic information', '疫情报告、监测数据等未经卫生主管部门公布的信息。', 'Epidemic reports and surveillance data that the health authorities have not yet published.', 'HIGHLY_SECRET', 'UNTIL_PUBLISHED', NULL, NULL, NULL, '只有卫生主管部门发布疫情信息。', 'Only the health authorities publish epidemic information.', FALSE, 10),
-- Audio-visual material (001 §3 八, §4 3.8).
('AV-MATERIAL', 'AV', '涉密音像资料与图表', 'Classified audio-visual material and charts', '有涉密内容的音像带、照片、图表。', 'Tapes, photographs and charts with classified content.', 'SECRET', 'CONDITION', NULL, '与所载内容的保密期限相同', 'the same as for the content it carries', '密级按所载内容确定。', 'The level follows the content it carries.', FALSE, 10),
-- Documents of higher authorities (003 §2).
('EXT-STATE', 'EXT', '上级已定密的文件', 'Documents classified by higher authorities', '上级机关已定密的文件、资料、领导人的重要讲话。', 'Papers, material and important speeches that higher authorities have classified.', 'SECRET', 'CONDITION', NULL, '按原定密机关标注的期限', 'as marked by the authority that classified it', '密级与期限按原件标注执行，医院不得自行变更。', 'Level and period as marked on the original; the hospital does not change them.', FALSE, 10)
) AS c(code, domain_code, name_zh, name_en, description_zh, description_en, default_level, period_kind, period_years,
       condition_zh, condition_en, protection_zh, protection_en, not_secret, sort_order)
JOIN cls_domain d ON d.code = c.domain_code;

INSERT INTO cls_guide_section (code, sort_order, title_zh, title_en, body_zh, body_en) VALUES
('WHO-CLASSIFIES', 10, '谁来定密', 'Who classifies',
 '医院秘密的密级由院长或院长指定的负责人确定和变更（CLS-3）。被指定人员只能在指定的范围、最高密级和有效期内定密。定密时依照本目录确定密级和保密期限，并在文件上标明。',
 'The level of a hospital secret is set or changed by the president or by a person the president designates (CLS-3). A designee classifies only within the scope, the highest level and the period of the designation. Level and period follow this catalogue and are marked on the document.'),
('PERIOD', 20, '保密期限与解密', 'Periods and declassification',
 '属于医院秘密的文件、资料应当标明密级，并确定保密期限。保密期限届满，自行解密（CLS-4）。绝密一般不超过30年，机密不超过20年，秘密不超过10年；医院可以规定更短的期限。',
 'Every hospital secret is marked with its level and a confidentiality period. When the period ends it is declassified automatically (CLS-4). 绝密 lasts at most 30 years, 机密 20 and 秘密 10 as a rule; the hospital may set shorter periods.'),
('NOT-SECRET', 30, '什么不是秘密', 'What is not a secret',
 '一般性决定、决议、通告、通知、行政管理资料等内部文件不属于医院秘密，最高定为“内部”（CLS-5）。不得把不属于保密范围的事项定为秘密。',
 'General decisions, resolutions, announcements, notices and administrative material are not hospital secrets and are marked 内部 (internal) at most (CLS-5). Nothing outside the scope catalogue is classified as a secret.'),
('CONDUCT', 40, '保密守则', 'Rules of conduct',
 '不该说的秘密绝对不说，不该知道的秘密绝对不问，不该看的秘密绝对不看，不在私人通信中涉及秘密，不在非保密本上记录秘密，不在不利于保密的场合谈论秘密。',
 'Do not say what should not be said, do not ask what you should not know, do not look at what you should not see; never mention secrets in private correspondence, never note them outside a classified notebook, never discuss them where secrecy cannot be kept.');

INSERT INTO cls_catalogue_head (id, current_version) VALUES (1, 1);
INSERT INTO cls_catalogue_version (number, changed_at, changed_by, changed_by_name, change_kind, subject, reason, changes)
VALUES (1, now(), NULL, 'baomi', 'CATALOGUE_LOADED', 'catalogue',
        'Initial catalogue from the hospital regulations (seeds 000, 001, 003)', '[]'::jsonb);
