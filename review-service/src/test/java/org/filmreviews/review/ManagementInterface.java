package org.filmreviews.review;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/** Health, metrics and the OpenAPI document are served on the management port (random in tests), not the API's. */
final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The address of {@code path} (e.g. {@code /q/health/ready}) on the running test application's management port. */
    static String url(String path) {
        return URI.create(TestHTTPResourceManager.getManagementUri()).resolve(path).toString();
    }

    /** A gauge's value for {@code service} in the Prometheus text of the management port; fails when it is not there. */
    static double gauge(String name, String service) {
        String metrics = given().get(url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("service=\"" + service + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("No " + name + "{service=\"" + service + "\"} in /q/metrics");
    }
}
