package org.socketlab.cases.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UppercaseProgramsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hello world|HELLO WORLD",
            "Hello &*! World|HELLO &*! WORLD",
            "ALREADY UP 123|ALREADY UP 123",
            "héllo ß|HéLLO ß",
            "a-z{}[]`~|A-Z{}[]`~"})
    void upper_changes_only_a_to_z(String sentence, String expected) {
        assertEquals(expected, UppercasePrograms.upper(sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello &*! World|HELLO &*! WORLD|H____ &*! W____",
            "Hello World|hELLO wORLD|h____ w____",
            "ab!|AB|__",
            "A1b|A1B!|A1_!",
            "Ab|Ä|Ä"})
    void outside_lowercase_keeps_the_characters_that_must_not_change(String sentence, String text, String kept) {
        assertEquals(kept, UppercasePrograms.outsideLowercase(sentence, text));
    }
}
