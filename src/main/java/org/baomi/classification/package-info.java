/**
 * Classification catalogue (CLS-1..7): the five levels with the hospital's definitions of harm, longest periods
 * and protection measures; the scope catalogue (保密范围) of domains and categories, each with its default level
 * and default confidentiality period; who may set or change a level (the president, or a person the president
 * designates, CLS-3); and the classification guide the confidentiality office maintains. Every change of the
 * catalogue is a new, numbered catalogue version with its reason and structured difference, and is audited.
 * Public API: {@link org.baomi.classification.ClassificationCatalogue} (reads),
 * {@link org.baomi.classification.ClassificationAdministration} (changes) and
 * {@link org.baomi.classification.ClassifierDesignations} (CLS-3).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "iam"})
package org.baomi.classification;
