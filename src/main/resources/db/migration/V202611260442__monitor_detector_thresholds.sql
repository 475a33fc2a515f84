-- Issue 7 item 4 (PAT-4): thresholds per detector, tuned by the confidentiality office. The current values carry a
-- version (optimistic locking); every saved version is kept in the history, and each save is audited
-- (monitor.detector.tuned) with the values before and after.
CREATE TABLE mon_detector_threshold (
    detector    VARCHAR(30)   PRIMARY KEY CHECK (detector IN ('NO_EXPLANATION', 'FAMILY', 'COWORKER',
        'VIP_SENSITIVE', 'SELF_LOOKUP', 'INACTIVE_ACCOUNT', 'AFTER_HOURS', 'VOLUME_SPIKE', 'DECEASED')),
    enabled     BOOLEAN       NOT NULL,
    base_score  NUMERIC(7, 2) NOT NULL CHECK (base_score BETWEEN 1 AND 1000),
    min_score   NUMERIC(7, 2) NOT NULL CHECK (min_score BETWEEN 0 AND 5000),
    version     INT           NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ   NOT NULL,
    updated_by  BIGINT
);
CREATE TABLE mon_detector_threshold_history (
    detector    VARCHAR(30)   NOT NULL,
    version     INT           NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    base_score  NUMERIC(7, 2) NOT NULL,
    min_score   NUMERIC(7, 2) NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL,
    changed_by  BIGINT,
    PRIMARY KEY (detector, version)
);
-- The defaults of DetectionSettings.defaults().
INSERT INTO mon_detector_threshold (detector, enabled, base_score, min_score, updated_at) VALUES
    ('NO_EXPLANATION', TRUE, 40, 0, now()), ('FAMILY', TRUE, 80, 0, now()), ('COWORKER', TRUE, 60, 0, now()),
    ('VIP_SENSITIVE', TRUE, 70, 0, now()), ('SELF_LOOKUP', TRUE, 50, 0, now()),
    ('INACTIVE_ACCOUNT', TRUE, 90, 0, now()), ('AFTER_HOURS', TRUE, 45, 0, now()),
    ('VOLUME_SPIKE', TRUE, 60, 0, now()), ('DECEASED', TRUE, 55, 0, now());
INSERT INTO mon_detector_threshold_history (detector, version, enabled, base_score, min_score, changed_at)
    SELECT detector, version, enabled, base_score, min_score, updated_at FROM mon_detector_threshold;
