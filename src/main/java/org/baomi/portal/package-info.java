/**
 * Portal: the page layout and menu by role, the home page "my duties" (ORG-4), the language switch
 * (Simplified Chinese by default, English), and error pages that show a trace id and no internals.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "iam", "audit"})
package org.baomi.portal;
