package cn.cppcc.consult.intake;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Receipt numbers for citizens' online topics, e.g. {@code K7M3-9QXD}: random (32^8 ≈ 10^12), so
 * that one receipt says nothing about another; letters and digits that cannot be misread (no 0/O,
 * 1/I). Uniqueness is kept by the database's unique index.
 */
@Component
public class ReceiptNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder s = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                s.append('-');
            }
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    /** A receipt number as a citizen may type it: lower case, spaces, no dash. */
    public static String normalise(String typed) {
        String compact = typed.strip().toUpperCase().replaceAll("[\\s-]", "");
        return compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
    }
}
