package org.baomi.iam;

import java.util.List;

/**
 * A business role as typed: code ({@code ^[a-z][a-z0-9-]{1,59}$}, fixed once created), names in Chinese and
 * English, and permission strings ({@code module:resource:action}); blank lines are ignored.
 */
public record RoleDraft(String code, String nameZh, String nameEn, List<String> permissions) {

    public RoleDraft {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
