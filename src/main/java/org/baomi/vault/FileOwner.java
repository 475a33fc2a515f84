package org.baomi.vault;

import java.util.regex.Pattern;

/**
 * The business object a stored file belongs to, as the owning module names it ({@code document}, {@code 42}). The
 * vault keeps it beside the file, binds it into the level mark's MAC (so a file cannot be moved to another owner by
 * editing a row) and writes it into every audit record of the file.
 *
 * @param type the owner's kind: lower-case letters, digits and hyphens, at most 40 characters
 * @param id   the owner's id within its module: 1 to 64 characters without control characters
 */
public record FileOwner(String type, String id) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * @throws org.baomi.shared.BaomiException INVALID ({@code vault.owner.invalid}) for a malformed type or id
     */
    public FileOwner {
        if (type == null || !TYPE.matcher(type).matches() || id == null || id.isEmpty() || id.length() > 64
                || id.chars().anyMatch(Character::isISOControl)) {
            throw org.baomi.shared.BaomiException.invalid("vault.owner.invalid");
        }
    }
}
