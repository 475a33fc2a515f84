-- Issue 6 item 3 (PAT-3, ACC-4): billing clerks read fee lists, never diagnoses, through the ONE decision point.
-- Decision (docs/privacy.md "Billing clerks"): fee lists are their own protected object type 'patient-fees',
-- registered with every patient (same id, same level), owned by the department that settles bills (FINANCE in the
-- demo; `baomi.privacy.billing-department`). Its READ rule is not medical-only and counts department scope up to
-- 内部 and grants: the finance department settles every ordinary patient's bill; flagged (秘密) patients' fee lists
-- need clearance and a grant. The patient's own READ rule stays medical-only (ACC-4), untouched.
--
-- Policy as data: a new version copying the rules in force and adding the fee-list rule (versions are never
-- edited). Written at migration time because the rule is the premise of the billing view; the security
-- administrator may change it later like any rule.
INSERT INTO iam_access_policy_version (version, created_at, reason)
SELECT max(version) + 1, now(), 'Fee lists for billing clerks (patient-fees) and research exports (research-export), issue 6 item 3'
FROM iam_access_policy_version;

INSERT INTO iam_access_policy_rule (version, resource_type, action, permission, bases, department_max_level,
                                    medical_only, care_window_days, break_glass_minutes)
SELECT (SELECT max(version) FROM iam_access_policy_version), resource_type, action, permission, bases,
       department_max_level, medical_only, care_window_days, break_glass_minutes
FROM iam_access_policy_rule
WHERE version = (SELECT max(version) - 1 FROM iam_access_policy_version)
  AND resource_type NOT IN ('patient-fees', 'research-export');

INSERT INTO iam_access_policy_rule (version, resource_type, action, permission, bases, department_max_level,
                                    medical_only, care_window_days, break_glass_minutes)
VALUES ((SELECT max(version) FROM iam_access_policy_version), 'patient-fees', 'READ', 'privacy:charge:read',
        'DEPARTMENT GRANT', 'INTERNAL', FALSE, 0, 0);

-- Issue 6 item 3: a de-identified research export of a cohort is its own object ('research-export', one per
-- request, registered by the privacy module); exporting it needs an approved 'research-export' grant (ACC-5).
INSERT INTO iam_access_policy_rule (version, resource_type, action, permission, bases, department_max_level,
                                    medical_only, care_window_days, break_glass_minutes)
VALUES ((SELECT max(version) FROM iam_access_policy_version), 'research-export', 'EXPORT',
        'privacy:research:export', 'GRANT', NULL, FALSE, 0, 0);

-- Patients registered before this version get their fee-list object (an upgraded installation; on a fresh
-- database there are none yet and the import registers both).
INSERT INTO iam_protected_object (object_type, object_id, level, department_id, custodian_id)
SELECT 'patient-fees', o.object_id, o.level, (SELECT d.id FROM iam_department d WHERE d.code = 'FINANCE'), NULL
FROM iam_protected_object o
WHERE o.object_type = 'patient'
ON CONFLICT (object_type, object_id) DO NOTHING;
