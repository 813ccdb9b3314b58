package org.filmreviews.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

class ClientAddressTest {

    /** A request that answers only {@code remoteAddress()}: all the throttles ask of it. */
    private static HttpServerRequest from(SocketAddress remote) {
        return (HttpServerRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[]{HttpServerRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("remoteAddress")) {
                        return remote;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aRequestIsKeyedByTheHostItCameFromWhateverItsPort() {
        assertThat(ClientAddress.of(from(SocketAddress.inetSocketAddress(51234, "203.0.113.9")))).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of(from(SocketAddress.inetSocketAddress(40000, "203.0.113.9"))))
                .isEqualTo(ClientAddress.of(from(SocketAddress.inetSocketAddress(51234, "203.0.113.9"))));
    }

    @Test
    void aRequestWithoutAKnownAddressSharesTheKeyUnknown() {
        assertThat(ClientAddress.of(null)).isEqualTo("unknown");
        assertThat(ClientAddress.of(from(null))).isEqualTo("unknown");
        assertThat(ClientAddress.of(from(SocketAddress.domainSocketAddress("/run/proxy.sock")))).isEqualTo("unknown");
    }
}
