package cn.cppcc.consult.support;

import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.Role;

/** The demo places and their accounts, as tests use them. */
public enum Places {
    COUNTY(DemoData.COUNTY, Role.OFFICE, "县级"),
    TOWNSHIP(DemoData.TOWNSHIP_A, Role.LIAISON, "乡镇"),
    VILLAGE(DemoData.VILLAGE_A, Role.VILLAGE_COMMITTEE, "村级");

    private final String code;
    private final Role organiser;
    private final String label;

    Places(String code, Role organiser, String label) {
        this.code = code;
        this.organiser = organiser;
        this.label = label;
    }

    /** The level in Chinese, for test data users see (an enum name would be English on the pages). */
    public String label() {
        return label;
    }

    public String code() {
        return code;
    }

    /** The account that organises consultations here. */
    public String organiser() {
        return DemoData.userId(code, organiser);
    }

    public String user(Role role) {
        return DemoData.userId(code, role);
    }

    /** The account at the county above (filing, supervision, members). */
    public String countyUser(Role role) {
        return DemoData.userId(DemoData.COUNTY, role);
    }
}
