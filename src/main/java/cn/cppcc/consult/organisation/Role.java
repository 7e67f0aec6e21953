package cn.cppcc.consult.organisation;

/**
 * What a group of people does at its place. A role at a place is one Camunda group, with id
 * {@code <placeCode>-<slug>}; its Chinese name reads as the place's name followed by the role.
 */
public enum Role {
    PARTY("party", "党组织"),
    OFFICE("office", "政协办公室"),
    LIAISON_COMMITTEE("liaisoncommittee", "政协联络委"),
    SPECIAL_COMMITTEE("committee", "政协专委会"),
    CHAIRS("chairs", "政协主席会议"),
    LIAISON("liaison", "政协联络组（同心圆工作室）"),
    VILLAGE_COMMITTEE("village", "村（居）委会"),
    GOVERNMENT("government", "党委政府"),
    HOST("host", "协商主持人"),
    MEMBER("member", "政协委员"),
    DEPARTMENT("department", "责任部门"),
    SUPERVISOR("supervisor", "政协督查"),
    /** 党委办公室 (county) or 党政办 (township): issues plans for the party committee */
    PARTY_OFFICE("partyoffice", "党委办公室"),
    /** 政府办公室: co-issues the county's consultation plan */
    GOVERNMENT_OFFICE("govoffice", "政府办公室");

    private final String slug;
    private final String label;

    Role(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public String groupId(String placeCode) {
        return placeCode + "-" + slug;
    }

    /** The group's Chinese name, e.g. 云岭镇党委, 水口村党支部, 清溪县委, 清溪县委办公室, 云岭镇党政办. */
    public String groupName(Place place) {
        if (this == PARTY_OFFICE) {
            return place.name() + switch (place.level()) {
                case COUNTY -> "委办公室";
                case TOWNSHIP -> "党政办";
                default -> label;
            };
        }
        if (this == PARTY) {
            return place.name() + switch (place.level()) {
                case COUNTY -> "委";
                case TOWNSHIP -> "党委";
                case VILLAGE -> "党支部";
                default -> "党组织";
            };
        }
        return place.name() + label;
    }

    public static Role fromSlug(String slug) {
        for (Role role : values()) {
            if (role.slug.equals(slug)) {
                return role;
            }
        }
        throw new IllegalArgumentException("未知的角色：" + slug);
    }
}
