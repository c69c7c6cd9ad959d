package org.socketlab.cases.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonConsoleTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1:54321, '(''127.0.0.1'', 54321)'",
            "[::1]:8080,      '(''::1'', 8080)'",
            "no-port,         no-port"})
    void formats_an_address_as_pythons_host_port_tuple(String endpoint, String tuple) {
        assertEquals(tuple, PythonConsole.address(endpoint));
    }
}
