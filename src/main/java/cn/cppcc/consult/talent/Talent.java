package cn.cppcc.consult.talent;

import java.time.OffsetDateTime;

/** One person in a place's talent pool; {@code userId} when they have a platform account. */
public record Talent(
        Long id,
        String placeCode,
        String name,
        TalentCategory category,
        String organisation,
        String expertise,
        String userId,
        boolean active,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** 王建国（住地政协委员，县政协委员） */
    public String label() {
        return name + "（" + category.label() + (organisation == null ? "" : "，" + organisation) + "）";
    }
}
