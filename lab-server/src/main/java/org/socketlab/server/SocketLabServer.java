package org.socketlab.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.socketlab.engine.RunSettings;
import org.socketlab.server.api.ApiErrors;
import org.socketlab.server.api.BatchRunsApi;
import org.socketlab.server.api.CasesApi;
import org.socketlab.server.api.OpenApiDocument;
import org.socketlab.server.api.RunService;
import org.socketlab.server.api.RunStore;
import org.socketlab.server.http.AccessLog;
import org.socketlab.server.http.CrossSiteGuard;
import org.socketlab.server.http.Handler;
import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.HttpRequest;
import org.socketlab.server.http.HttpResponse;
import org.socketlab.server.http.HttpServer;
import org.socketlab.server.http.HttpServerConfig;
import org.socketlab.server.http.Router;
import org.socketlab.server.http.StaticFiles;
import org.socketlab.server.http.Status;
import org.socketlab.server.plugins.CaseRegistry;

/** A running Socket Lab: the HTTP server with the JSON API and the web page, over a case registry. */
public final class SocketLabServer implements AutoCloseable {
    /** Where the web page lives on the class path (packaged by lab-web). */
    public static final String WEB_ROOT = "socketlab-web";
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final HttpServer http;
    private final CaseRegistry registry;
    private final RunService runs;

    private SocketLabServer(HttpServer http, CaseRegistry registry, RunService runs) {
        this.http = http;
        this.registry = registry;
        this.runs = runs;
    }

    /**
     * Starts serving; returns once the server accepts connections.
     *
     * @param config   where to listen and how to run cases
     * @param registry the cases to offer
     * @param log      where access-log lines go
     * @return the running server
     * @throws IOException if it cannot listen (for instance, the port is taken)
     */
    public static SocketLabServer start(ServerConfig config, CaseRegistry registry, AccessLog log) throws IOException {
        HttpServerConfig httpConfig = config.connections().applyTo(HttpServerConfig.defaults())
                .withBindAddress(config.bindAddress())
                .withPort(config.port());
        // Bound first: runs must know the port (chosen by the system for port 0) to be kept from calling it.
        AtomicReference<Handler> app = new AtomicReference<>(request -> {
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "Socket Lab is starting; try again in a moment");
        });
        HttpServer http = HttpServer.start(httpConfig, new Handler() {
            @Override
            public HttpResponse handle(HttpRequest request) throws Exception {
                return app.get().handle(request);
            }

            @Override
            public HttpResponse handleWithoutBlocking(HttpRequest request) throws Exception {
                return app.get().handleWithoutBlocking(request);
            }

            @Override
            public boolean acceptsBody(HttpRequest head) {
                return app.get().acceptsBody(head);
            }
        }, new ApiErrors(), log);
        try {
            RunSettings options = config.runSettings();
            options = options.withTargets(options.targets().withClosedPort(http.port()));
            RunService runs = new RunService(options, config.maxRunsAtOnce(), RunService.DEFAULT_QUEUE_WAIT,
                    new RunStore(config.runStoreBytes()));
            CasesApi api = new CasesApi(registry, runs);
            // Start-up: the catalogue's JSON is rendered on the second core while the rest is set up, so the
            // first request finds it ready (or waits for it) instead of paying Gson's first use.
            Thread prepare = new Thread(api::prepare, "socketlab-prepare");
            prepare.setDaemon(true);
            prepare.start();
            Router router = api.addTo(new Router());
            router = new BatchRunsApi(registry, runs).addTo(router);
            router = OpenApiDocument.addTo(router)
                    .fallback(new PageFiles(StaticFiles.fromClasspath(SocketLabServer.class.getClassLoader(), WEB_ROOT)));
            app.set(new CrossSiteGuard(router, config.browser(), config.bindAddress()));
            return new SocketLabServer(http, registry, runs);
        } catch (RuntimeException | Error e) {
            http.close();
            throw e;
        }
    }

    /** @return the port it listens on (useful after port 0) */
    public int port() {
        return http.port();
    }

    /** @return the address it listens on */
    public InetSocketAddress address() {
        return http.address();
    }

    /** @return the registry of its cases */
    public CaseRegistry registry() {
        return registry;
    }

    /**
     * Cancels the runs going on (their event streams end), stops accepting, lets requests in flight finish
     * for a moment, then closes everything.
     */
    @Override
    public void close() {
        runs.close();
        http.stop(STOP_GRACE);
    }
}
