package org.baomi.iam;

/**
 * The rules the decision point combines, in the order it evaluates them; a {@link RuleStep} of the trail names one.
 * Each cites the requirement it implements.
 */
public enum AccessRule {
    /** The person exists and is active. */
    PERSON,
    /** ORG-5 (三员): an administrator never reaches business content. */
    ADMINISTRATOR_SEPARATION,
    /** The object is registered ({@link ProtectedObjects}) and a policy exists for its type and action (deny by default). */
    POLICY,
    /** ACC-2: the person's roles hold the permission the policy requires. */
    PERMISSION,
    /** CLS-1, ACC-6: no reading above one's clearance. */
    CLEARANCE,
    /** PPL-1, PPL-2: a person with outstanding obligations is held to 内部 at most. */
    OBLIGATIONS,
    /** CLS-1: no writing content of a higher level into a lower-level object. */
    NO_WRITE_DOWN,
    /** ACC-4: only medical posts see patient information. */
    MEDICAL_POST,
    /** ACC-1, ACC-4: custodian, distribution, department, care team, grant or break-the-glass. */
    NEED_TO_KNOW
}
