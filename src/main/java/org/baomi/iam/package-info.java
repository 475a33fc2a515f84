/**
 * Identity and access management (ORG, ACC-2, ACC-3, ACC-7, ACC-8): departments, posts, staff accounts,
 * roles made of permission strings, clearances, the three-administrator separation (三员, ORG-5), login with
 * password policy, lockout, two-factor TOTP, sessions shared across instances, and API tokens for
 * integration clients.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.baomi.iam;
