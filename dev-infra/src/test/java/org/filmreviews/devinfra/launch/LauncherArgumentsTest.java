package org.filmreviews.devinfra.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

    @Test
    void oneInstanceAndOneBrokerUnlessAsked() {
        Launcher.Arguments none = Launcher.parse(List.of());
        assertThat(none.instances()).isEqualTo(1);
        assertThat(none.brokers()).isEqualTo(1);
        assertThat(none.seed()).isTrue();
        assertThat(none.fresh()).isFalse();

        Launcher.Arguments asked = Launcher.parse(List.of("--fresh", "--instances", "2", "--brokers=3", "--no-seed"));
        assertThat(asked).isEqualTo(new Launcher.Arguments(false, true, false, 2, 3));
    }

    @Test
    void badCountsAreRefusedInWords() {
        assertThatThrownBy(() -> Launcher.parse(List.of("--instances"))).isInstanceOf(Launcher.UsageException.class)
                .hasMessageContaining("--instances needs a number from 1 to 9");
        assertThatThrownBy(() -> Launcher.parse(List.of("--instances", "0"))).hasMessageContaining("not 0");
        assertThatThrownBy(() -> Launcher.parse(List.of("--brokers", "three"))).hasMessageContaining("not \"three\"");
        assertThatThrownBy(() -> Launcher.parse(List.of("--brokers", "10"))).hasMessageContaining("--brokers needs a number");
        assertThatThrownBy(() -> Launcher.parse(List.of("--replicas", "3"))).hasMessageContaining("Unknown option --replicas");
    }

    @Test
    void helpListsTheNewOptions() {
        assertThat(Launcher.parse(List.of("--help")).help()).isTrue();
        assertThat(Launcher.usage()).contains("--instances N").contains("--brokers N");
    }

    @Test
    void furtherInstancesAndBrokersGetPortsOfTheirOwnClearOfEachOther() {
        SystemOptions options = SystemOptions.defaults(Path.of(".")).withInstances(3).withBrokers(3);
        assertThat(options.servicePort("review-service", 1)).isEqualTo(8081);
        assertThat(options.servicePort("catalog-service", 2)).isEqualTo(8183);
        assertThat(options.servicePort("moderation-service", 3)).isEqualTo(8282);
        assertThat(options.kafkaPorts(1)).containsExactly(9092, 9093);
        assertThat(options.kafkaPorts(3)).containsExactly(9096, 9097);
        // management ports are the API ports + 1000: 9181-9183 and 9281-9283 stay clear of the brokers' 9092-9097
        for (int instance = 1; instance <= 9; instance++) {
            for (String service : LocalSystem.SERVICES) {
                int management = options.servicePort(service, instance) + 1000;
                assertThat(management < 9092 || management > 9092 + 2 * Launcher.MAX_BROKERS - 1)
                        .as("management port " + management).isTrue();
            }
        }
        assertThatThrownBy(() -> options.withInstances(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withBrokers(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
