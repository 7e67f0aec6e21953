package cn.cppcc.consult.talent;

/** Who is in the talent pool (人才库). */
public enum TalentCategory {
    RESIDENT_MEMBER("住地政协委员"),
    VETERAN_CADRE("老党员干部"),
    XIANGXIAN("乡贤"),
    PUBLIC_REPRESENTATIVE("群众代表"),
    EXPERT("专家学者");

    private final String label;

    TalentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
