package org.filmreviews.review;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/** Health, metrics and the OpenAPI document are served on the management port (random in tests), not the API's. */
final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The address of {@code path} (e.g. {@code /q/health/ready}) on the running test application's management port. */
    static String url(String path) {
        return URI.create(TestHTTPResourceManager.getManagementUri()).resolve(path).toString();
    }
}
