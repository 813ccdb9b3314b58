package org.filmreviews.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which refusals park an outbox row (they name the record) and which only make every row wait. */
class OutboxFailureKindTest {

    @Test
    void aRefusalOfTheRecordItselfCanParkIt() {
        assertThat(ParkingRule.isAboutTheRecord(new RecordTooLargeException("too large"))).isTrue();
        assertThat(ParkingRule.isAboutTheRecord(new TopicAuthorizationException("not allowed to write"))).isTrue();
    }

    @Test
    void theBrokerAwayOrRefusedCredentialsNeverPark() {
        assertThat(ParkingRule.isAboutTheRecord(new TimeoutException("no metadata"))).isFalse();
        assertThat(ParkingRule.isAboutTheRecord(new NotLeaderOrFollowerException("moved"))).isFalse();
        // A wrong or rotated SASL password, an expired client certificate: every row would fail alike.
        assertThat(ParkingRule.isAboutTheRecord(new SaslAuthenticationException("invalid credentials"))).isFalse();
        assertThat(ParkingRule.isAboutTheRecord(new SslAuthenticationException("handshake failed"))).isFalse();
    }
}
