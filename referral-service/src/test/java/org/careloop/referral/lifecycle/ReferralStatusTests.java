package org.careloop.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReferralStatusTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void hasTheTenSdohccTaskStatusCodes() {
        assertThat(ReferralStatus.CODES)
                .containsExactly(
                        "draft",
                        "requested",
                        "accepted",
                        "rejected",
                        "cancelled",
                        "in-progress",
                        "on-hold",
                        "failed",
                        "completed",
                        "entered-in-error");
    }

    @Test
    void theValidationPatternAndListNameExactlyTheCodes() {
        Pattern pattern = Pattern.compile(ReferralStatus.CODE_PATTERN);
        for (String code : ReferralStatus.CODES) {
            assertThat(pattern.matcher(code).matches()).as(code).isTrue();
        }
        assertThat(pattern.matcher("ready").matches()).isFalse();
        assertThat(pattern.matcher("received").matches()).isFalse();
        assertThat(pattern.matcher("ACCEPTED").matches()).isFalse();
        assertThat(pattern.matcher("accepted ").matches()).isFalse();
        assertThat(Arrays.asList(ReferralStatus.CODE_LIST.split(", "))).isEqualTo(ReferralStatus.CODES);
    }

    @Test
    void readsAndWritesCodesInJson() throws Exception {
        assertThat(json.writeValueAsString(ReferralStatus.IN_PROGRESS)).isEqualTo("\"in-progress\"");
        assertThat(json.readValue("\"entered-in-error\"", ReferralStatus.class))
                .isEqualTo(ReferralStatus.ENTERED_IN_ERROR);
        assertThatThrownBy(() -> json.readValue("\"ready\"", ReferralStatus.class))
                .hasMessageContaining("ready");
    }

    @Test
    void findsAStatusByCodeOnly() {
        assertThat(ReferralStatus.fromCode("on-hold")).contains(ReferralStatus.ON_HOLD);
        assertThat(ReferralStatus.fromCode("ON_HOLD")).isEmpty();
        assertThat(ReferralStatus.fromCode(null)).isEmpty();
    }

    @Test
    void convertsToAndFromTheDatabaseCode() {
        ReferralStatusConverter converter = new ReferralStatusConverter();
        for (ReferralStatus status : ReferralStatus.values()) {
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(status)))
                    .isEqualTo(status);
        }
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
    }
}
