package org.filmreviews.platform.throttle;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, as throttles key it. Behind a reverse proxy, set
 * {@code quarkus.http.proxy.proxy-address-forwarding=true} with {@code quarkus.http.proxy.trusted-proxies}:
 * Quarkus then puts the forwarded client address here, and only a trusted proxy can set it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }
}
