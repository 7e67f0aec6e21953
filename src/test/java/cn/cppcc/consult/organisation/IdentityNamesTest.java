package cn.cppcc.consult.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import cn.cppcc.consult.support.ConsultTest;
import cn.cppcc.consult.support.Places;

/** The users and groups the platform creates read in Chinese where Admin lists them: names and group types. */
@ConsultTest
class IdentityNamesTest {

    private static final String LATIN_WORD = ".*[A-Za-z]{2,}.*";

    @Autowired IdentityService identityService;
    @Value("${camunda.bpm.admin-user.id}") String administrator;

    @Test
    void theAdministratorsReadInChinese() {
        Group administrators = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
        assertThat(administrators.getName()).isEqualTo("系统管理员");
        assertThat(administrators.getType()).isEqualTo("系统");
        assertChineseName(identityService.createUserQuery().userId(administrator).singleResult());
    }

    @Test
    void aRoleAtAPlaceReadsInChinese() {
        String partyOfTheTownship = Role.PARTY.groupId(Places.TOWNSHIP.code());
        Group group = identityService.createGroupQuery().groupId(partyOfTheTownship).singleResult();
        assertThat(group.getName()).isEqualTo("云岭镇党委");
        assertThat(group.getType()).isEqualTo(Role.PARTY.label());
        assertChineseName(identityService.createUserQuery().userId(Places.TOWNSHIP.user(Role.PARTY)).singleResult());
    }

    private static void assertChineseName(User user) {
        assertThat(user.getFirstName()).as(user.getId()).doesNotMatch(LATIN_WORD);
        assertThat(user.getLastName()).as(user.getId()).doesNotMatch(LATIN_WORD);
    }
}
