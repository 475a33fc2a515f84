package org.baomi.iam;

/** New profile of an account; same rules as {@link RegisterAccount}, the staff number does not change. */
public record UpdateProfile(String fullName, Long departmentId, Long postId, String email, String phone) {
}
