package org.baomi.iam;

/**
 * Filters of the account list; every one is optional.
 *
 * @param text         part of the staff number or name
 * @param departmentId only this department
 * @param status       only this status
 * @param roleId       only holders of this role
 * @param lockedOnly   only accounts locked now
 * @param sort         order (staff number when null)
 * @param page         zero-based page
 * @param size         page size, 1 to 100
 */
public record AccountSearch(String text, Long departmentId, AccountStatus status, Long roleId, boolean lockedOnly,
        AccountSort sort, int page, int size) {

    public static final int MAX_TEXT = 100;

    /**
     * Search text as the database may see it: control characters removed (PostgreSQL refuses NUL), trimmed,
     * at most {@link #MAX_TEXT} characters, null when nothing is left.
     */
    public static String searchText(String raw) {
        if (raw == null) {
            return null;
        }
        String printable = raw.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() > MAX_TEXT ? printable.substring(0, MAX_TEXT) : printable;
    }

    public AccountSearch {
        text = searchText(text);
        sort = sort == null ? AccountSort.STAFF_NO : sort;
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 100);
    }
}
