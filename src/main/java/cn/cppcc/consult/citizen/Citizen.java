package cn.cppcc.consult.citizen;

import java.time.OffsetDateTime;

/** A citizen's personal data, held once; {@code anonymisedAt} is set once name and mobile are blanked. */
public record Citizen(Long id, String name, String mobile, OffsetDateTime createdAt, OffsetDateTime anonymisedAt) {

    /** 张** : the only form of a citizen's name shown outside the places that need it. */
    public String maskedName() {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    /** 138****0000 */
    public String maskedMobile() {
        return mobile == null || mobile.length() < 7 ? "" : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
