package cn.cppcc.consult.consultation;

/** How the consultation is held (协商形式). */
public enum ConsultationForm {
    MEETING("会议协商"),
    WRITTEN("书面协商"),
    ONLINE("网络协商");

    private final String label;

    ConsultationForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
