package cn.cppcc.consult.support;

import cn.cppcc.consult.demo.DemoData;
import cn.cppcc.consult.organisation.Role;

/** The demo places and their accounts, as tests use them. */
public enum Places {
    COUNTY(DemoData.COUNTY, Role.OFFICE),
    TOWNSHIP(DemoData.TOWNSHIP_A, Role.LIAISON),
    VILLAGE(DemoData.VILLAGE_A, Role.VILLAGE_COMMITTEE);

    private final String code;
    private final Role organiser;

    Places(String code, Role organiser) {
        this.code = code;
        this.organiser = organiser;
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
