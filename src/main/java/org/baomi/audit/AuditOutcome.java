package org.baomi.audit;

/** What became of the audited attempt. */
public enum AuditOutcome { ALLOWED, DENIED, FAILED }
