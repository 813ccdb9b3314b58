package org.filmreviews.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundOrderTest {

    @Test
    void rowsGoUntilOneOfTheirKeyFailsThenTheKeyWaitsWhileOtherKeysKeepFlowing() {
        RoundOrder order = new RoundOrder();
        assertThat(order.mayGo("film-a", "reviews")).isTrue();
        assertThat(order.mayGo("film-a", "reviews")).isTrue();

        order.holdBehind("film-a");

        assertThat(order.mayGo("film-a", "reviews")).isFalse();
        assertThat(order.mayGo("film-b", "reviews")).isTrue();
    }

    @Test
    void aTopicWithoutMetadataHoldsItsRowsAndTheirKeysOnOtherTopicsToo() {
        RoundOrder order = new RoundOrder();

        assertThat(order.noMetadataFor("deleted-topic")).isFalse();

        assertThat(order.mayGo("film-a", "deleted-topic")).isFalse();
        // film-a's later rows on a topic the broker knows must not overtake the one held above
        assertThat(order.mayGo("film-a", "reviews")).isFalse();
        assertThat(order.mayGo("film-b", "reviews")).isTrue();
    }

    @Test
    void aSecondTopicWithoutMetadataSaysTheBrokerIsAway() {
        RoundOrder order = new RoundOrder();

        assertThat(order.noMetadataFor("reviews")).isFalse();
        assertThat(order.noMetadataFor("reviews")).isFalse();
        assertThat(order.noMetadataFor("decisions")).isTrue();
    }
}
