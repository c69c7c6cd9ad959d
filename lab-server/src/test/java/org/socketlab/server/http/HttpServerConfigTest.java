package org.socketlab.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpServerConfigTest {

    @Test
    void defaults_to_loopback_and_a_free_port() {
        HttpServerConfig config = HttpServerConfig.defaults();

        assertEquals("127.0.0.1", config.bindAddress().getHostAddress());
        assertEquals(0, config.port());
        assertEquals(HttpServerConfig.MAX_HEADER_BYTES, config.maxHeaderBytes());
    }

    @Test
    void changes_one_setting_per_wither() {
        HttpServerConfig config = HttpServerConfig.defaults().withPort(8080).withMaxBodyBytes(10);

        assertEquals(8080, config.port());
        assertEquals(10, config.maxBodyBytes());
        assertEquals(HttpServerConfig.READ_TIMEOUT_MILLIS, config.readTimeoutMillis());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("port", (UnaryOperator<HttpServerConfig>) c -> c.withPort(70_000)),
                Arguments.of("readTimeoutMillis", (UnaryOperator<HttpServerConfig>) c -> c.withReadTimeoutMillis(0)),
                Arguments.of("idleTimeoutMillis", (UnaryOperator<HttpServerConfig>) c -> c.withIdleTimeoutMillis(-1)),
                Arguments.of("maxRequestLineBytes", (UnaryOperator<HttpServerConfig>) c -> c.withMaxRequestLineBytes(1)),
                Arguments.of("maxHeaderBytes", (UnaryOperator<HttpServerConfig>) c -> c.withMaxHeaderBytes(0)),
                Arguments.of("maxBodyBytes", (UnaryOperator<HttpServerConfig>) c -> c.withMaxBodyBytes(-1)),
                Arguments.of("maxBodyBytes", (UnaryOperator<HttpServerConfig>) c -> c.withMaxBodyBytes(1L << 40)),
                Arguments.of("maxConnections", (UnaryOperator<HttpServerConfig>) c -> c.withMaxConnections(0)),
                Arguments.of("backlog", (UnaryOperator<HttpServerConfig>) c -> c.withBacklog(0)),
                Arguments.of("minBodyBytesPerSecond", (UnaryOperator<HttpServerConfig>) c -> c.withMinBodyBytesPerSecond(0)),
                Arguments.of("writeTimeoutMillis", (UnaryOperator<HttpServerConfig>) c -> c.withWriteTimeoutMillis(0)),
                Arguments.of("maxConnectionsPerClient",
                        (UnaryOperator<HttpServerConfig>) c -> c.withMaxConnectionsPerClient(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void refuses_an_invalid_setting_naming_it(String setting, UnaryOperator<HttpServerConfig> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(HttpServerConfig.defaults()));

        assertTrue(e.getMessage().startsWith(setting + " "), e.getMessage());
    }
}
