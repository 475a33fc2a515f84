package org.baomi.iam;

/**
 * Registration of a staff account by the system administrator (ACC-2). Strings are taken as typed; the service
 * trims and checks them.
 *
 * @param staffNo      工号: letters, digits and hyphens, 2 to 32, stored upper case, unique
 * @param fullName     1 to 50 characters, letters of one script, no control characters
 * @param departmentId an existing department
 * @param postId       an existing post
 * @param email        optional
 * @param phone        optional
 */
public record RegisterAccount(String staffNo, String fullName, Long departmentId, Long postId, String email,
        String phone) {
}
