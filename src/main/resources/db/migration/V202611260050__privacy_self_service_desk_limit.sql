-- ACC-5 (issue 6 follow-up): the desk's hourly limit counts the codes a clerk issued at the desk recently.
CREATE INDEX pat_self_code_issuer_idx ON pat_self_code (issued_by, issued_at) WHERE channel = 'DESK';
