package org.baomi.privacy.internal.research;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generalisations of a research export (issue 6 item 3, PAT-3), pure functions: keyed pseudonyms, birth year
 * bands, months, cities. One instance per export, holding that export's pseudonym key (never stored).
 */
final class Deidentifier {

    /** Width of a birth year band. */
    static final int BAND_YEARS = 5;
    private static final char CITY_END = '\u5e02';
    private static final char PROVINCE_END = '\u7701';

    private final Mac mac;

    Deidentifier(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("pseudonym key must have at least 256 bits");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The patient's pseudonym in this export: 16 hex digits of HMAC-SHA256(key, patient id). */
    String pseudonym(long patientId) {
        byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(patientId).array());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** Birth year to a 5-year band, "1980-1984". */
    static String birthBand(LocalDate birthDate) {
        if (birthDate == null) {
            return "";
        }
        int start = Math.floorDiv(birthDate.getYear(), BAND_YEARS) * BAND_YEARS;
        return start + "-" + (start + BAND_YEARS - 1);
    }

    /** A date to its month, "2026-11". */
    static String month(LocalDate date) {
        return date == null ? "" : YearMonth.from(date).toString();
    }

    /**
     * An address to its city: the text up to the first 市 (city); without one, up to the first 省 (province);
     * otherwise nothing (an address without a recognisable city is not exported at all).
     */
    static String city(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        int city = a.indexOf(CITY_END);
        if (city > 0) {
            return a.substring(0, city + 1);
        }
        int province = a.indexOf(PROVINCE_END);
        return province > 0 ? a.substring(0, province + 1) : "";
    }
}
