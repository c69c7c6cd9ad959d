package org.socketlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CaseInfoTest {

    @ParameterizedTest
    @ValueSource(strings = {"missing-message", "a", "tcp-uppercase", "http2-client", "q3"})
    void a_lowercase_kebab_case_id_is_accepted(String id) {
        assertEquals(id, info(id).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Missing-Message", "missing_message", "missing message", "-missing", "missing-",
            "missing--message", "", "missing.message", "café"})
    void an_id_that_is_not_lowercase_kebab_case_is_refused(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> info(id));

        assertTrue(e.getMessage().contains("kebab-case"), e.getMessage());
    }

    @Test
    void an_id_longer_than_the_limit_is_refused() {
        assertEquals(CaseInfo.MAX_ID_LENGTH, info("a".repeat(CaseInfo.MAX_ID_LENGTH)).id().length());
        assertThrows(IllegalArgumentException.class, () -> info("a".repeat(CaseInfo.MAX_ID_LENGTH + 1)));
    }

    @Test
    void a_null_id_is_refused() {
        assertThrows(NullPointerException.class, () -> info(null));
    }

    @Test
    void a_blank_title_is_refused_naming_the_case() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseInfo.builder("echo").title(" ").summary("s").source("src").build());

        assertEquals("case 'echo' needs a title", e.getMessage());
    }

    @Test
    void a_missing_group_description_and_tags_get_defaults() {
        CaseInfo info = new CaseInfo("echo", "Echo", "Echoes.", null, "Handout 9", null, null);

        assertEquals("Other cases", info.group());
        assertEquals("", info.description());
        assertEquals(List.of(), info.tags());
    }

    @Test
    void the_tags_are_copied() {
        List<String> tags = new ArrayList<>(List.of("tcp"));
        CaseInfo info = new CaseInfo("echo", "Echo", "Echoes.", tags, "Handout 9", "g", "");
        tags.add("udp");

        assertEquals(List.of("tcp"), info.tags());
        assertThrows(UnsupportedOperationException.class, () -> info.tags().add("http"));
    }

    private static CaseInfo info(String id) {
        return CaseInfo.builder(id).title("Title").summary("Summary.").tags("tcp").source("Handout 9").build();
    }
}
