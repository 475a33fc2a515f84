/**
 * Shared kernel: secret levels (CLS-1), the clock, the acting person, errors with message keys, paging,
 * the "my duties" contribution point (ORG-4), and the embedded PostgreSQL used when no external database
 * is configured.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.baomi.shared;
