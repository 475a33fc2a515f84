package org.baomi.monitor.internal.detect;

/** Comparable forms of phones and addresses, and their masked forms for evidence (PAT-2: no full numbers shown). */
final class Normalise {

    private Normalise() {
    }

    /** Digits only, the last 11 (a mobile number without country code); null when fewer than 7 digits. */
    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() < 7) {
            return null;
        }
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits.toString();
    }

    /** Without white space; null when blank. */
    static String address(String address) {
        if (address == null) {
            return null;
        }
        String compact = address.replaceAll("\\s+", "");
        return compact.isEmpty() ? null : compact;
    }

    /** 138****5678: the first three and last four digits. */
    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** The first part of an address (district and street), enough to recognise it, never the house number. */
    static String maskAddress(String address) {
        if (address == null) {
            return "";
        }
        int keep = Math.max(1, Math.min(address.length() - 2, address.length() * 2 / 3));
        return address.substring(0, keep) + "***";
    }
}
