package cn.cppcc.consult.consultation;

/** 政协协商 at county level and above, 基层协商 below it. */
public enum ConsultationKind {
    CPPCC("政协协商"),
    GRASSROOTS("基层协商");

    private final String label;

    ConsultationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
