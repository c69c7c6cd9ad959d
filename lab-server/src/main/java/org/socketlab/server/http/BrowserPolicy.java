package org.socketlab.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which browsers' requests a server answers (see {@link CrossSiteGuard}).
 *
 * @param allowedHosts host names accepted in {@code Host} besides {@code localhost} and the bound address
 *                     ({@code --allowed-host}), lower-case, without port
 * @param corsOrigins  origins other than the server's own that may call it from a page, and get CORS headers
 *                     ({@code --cors-origin}), e.g. {@code http://localhost:5173}
 */
public record BrowserPolicy(List<String> allowedHosts, List<String> corsOrigins) {

    /**
     * @throws IllegalArgumentException naming the value at fault
     */
    public BrowserPolicy {
        allowedHosts = List.copyOf(allowedHosts);
        corsOrigins = List.copyOf(corsOrigins);
        for (String host : allowedHosts) {
            Authority parsed = Authority.parse(host, -1);
            if (parsed == null || parsed.port() != -1) {
                throw new IllegalArgumentException("--allowed-host takes a host name without a port, e.g. "
                        + "socketlab.lan; got '" + host + "'");
            }
        }
        for (String origin : corsOrigins) {
            if (Authority.parseOrigin(origin) == null) {
                throw new IllegalArgumentException("--cors-origin takes an origin such as http://localhost:5173 "
                        + "(scheme, host and port, no path); got '" + origin + "'");
            }
        }
    }

    /** @return no other host names and no cross-origin callers: the safe default */
    public static BrowserPolicy strict() {
        return new BrowserPolicy(List.of(), List.of());
    }

    /** @param host a host name @return a copy that also accepts it */
    public BrowserPolicy withAllowedHost(String host) {
        List<String> hosts = new ArrayList<>(allowedHosts);
        hosts.add(host);
        return new BrowserPolicy(hosts, corsOrigins);
    }

    /** @param origin an origin @return a copy that also lets it call, with CORS headers */
    public BrowserPolicy withCorsOrigin(String origin) {
        List<String> origins = new ArrayList<>(corsOrigins);
        origins.add(origin);
        return new BrowserPolicy(allowedHosts, origins);
    }

    boolean allowsHostName(String host) {
        for (String allowed : allowedHosts) {
            Authority parsed = Authority.parse(allowed, -1);
            if (parsed.host().equals(host.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The configured origin equal to this one, spelled as configured, or null. */
    String corsOrigin(Authority origin) {
        for (String allowed : corsOrigins) {
            if (origin.equals(Authority.parseOrigin(allowed))) {
                return allowed;
            }
        }
        return null;
    }
}
