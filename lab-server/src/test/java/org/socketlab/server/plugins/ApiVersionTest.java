package org.socketlab.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.api.LabApi;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ApiVersionTest {

    @ParameterizedTest
    @CsvSource({"1.0, 1, 0", "2.13, 2, 13", "1.0.0, 1, 0", "1.0.0-SNAPSHOT, 1, 0", "' 1.2 ', 1, 2", "1.1-rc.1, 1, 1"})
    void reads_major_and_minor_and_ignores_a_patch_number_and_a_qualifier(String text, int major, int minor) {
        assertEquals(new ApiVersion(major, minor), ApiVersion.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "one.zero", "1.x", "v1.0", "1.0 beta", "-1.0", "1..0"})
    void refuses_a_version_that_is_not_major_dot_minor_saying_what_it_expected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse(text));

        assertTrue(e.getMessage().contains("SocketLab-Api-Version is '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected MAJOR.MINOR, such as " + LabApi.VERSION), e.getMessage());
    }

    @Test
    void the_current_version_is_the_one_of_lab_api() {
        assertEquals(LabApi.VERSION, ApiVersion.current().toString());
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1.0", "1.0, 1.3", "1.2, 1.3"})
    void a_plugin_built_for_the_same_major_and_an_older_or_equal_minor_can_be_loaded(String built, String available) {
        assertEquals(Optional.empty(), ApiVersion.parse(built).incompatibilityWith(ApiVersion.parse(available)));
    }

    @Test
    void a_plugin_built_for_another_major_version_is_refused_naming_both_versions() {
        String reason = ApiVersion.parse("2.0").incompatibilityWith(ApiVersion.parse("1.0")).orElseThrow();

        assertTrue(reason.contains("built for lab-api 2.0"), reason);
        assertTrue(reason.contains("provides lab-api 1.0"), reason);
    }

    @Test
    void a_plugin_built_for_a_newer_minor_version_is_refused_naming_both_versions() {
        String reason = ApiVersion.parse("1.4").incompatibilityWith(ApiVersion.parse("1.0")).orElseThrow();

        assertTrue(reason.contains("built for lab-api 1.4, newer than the lab-api 1.0"), reason);
    }
}
