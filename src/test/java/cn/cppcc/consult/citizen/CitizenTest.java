package cn.cppcc.consult.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenTest {

    @Test
    void namesAndNumbersAreShownMasked() {
        Citizen citizen = new Citizen(1L, "张三丰", "13812345678", null, null);
        assertThat(citizen.maskedName()).isEqualTo("张**");
        assertThat(citizen.maskedMobile()).isEqualTo("138****5678");
        assertThat(new Citizen(2L, "李", "", null, null).maskedName()).isEqualTo("李*");
        assertThat(new Citizen(3L, "", "", null, null).maskedMobile()).isEmpty();
    }
}
