/**
 * The demo hospital (demo mode only): a Chinese tertiary hospital's departments, posts, business roles, staff,
 * the three administrators (三员, ORG-5) and a demo API token for the HIS, loaded once at start-up from the
 * files under {@code src/main/resources/demo/}.
 *
 * <p>It lives inside {@code iam} rather than in a module of its own because it writes iam's tables (accounts,
 * credentials, roles, API tokens) and iam offers no public API for that; a separate module would have to reach
 * into {@code iam.internal}. {@link org.baomi.iam.internal.demo.DemoModeCondition} decides whether it runs.
 */
package org.baomi.iam.internal.demo;
