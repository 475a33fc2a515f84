-- ACC-4: the office's history of reviewed break-the-glass sessions, latest review first, filtered by period.
CREATE INDEX iam_break_glass_reviewed_idx ON iam_break_glass (reviewed_at DESC, id DESC) WHERE verdict IS NOT NULL;
