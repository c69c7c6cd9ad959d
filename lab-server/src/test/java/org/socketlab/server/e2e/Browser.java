package org.socketlab.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its own chromedriver (never a downloaded one). Without them
 * the browser tests are skipped with a message, unless SOCKETLAB_REQUIRE_BROWSER is set (as CI does),
 * in which case they fail.
 */
final class Browser {
    private static final Path[] CHROMIUM = {Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")};
    private static final Path[] DRIVER = {Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver")};

    private Browser() {
    }

    static ChromeDriver start(Path profile) {
        Optional<Path> chromium = find(CHROMIUM);
        Optional<Path> driver = find(DRIVER);
        if (chromium.isEmpty() || driver.isEmpty()) {
            String message = "browser tests need Debian's chromium and chromium-driver packages "
                    + "(apt-get install chromium chromium-driver); skipping them";
            if (System.getenv("SOCKETLAB_REQUIRE_BROWSER") != null) {
                Assertions.fail(message.replace("; skipping them", ", and SOCKETLAB_REQUIRE_BROWSER is set"));
            }
            System.err.println("[browser tests] " + message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // These flags keep Chromium from reaching out to the network on its own (closed on lab machines).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
        return browser;
    }

    private static Optional<Path> find(Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
