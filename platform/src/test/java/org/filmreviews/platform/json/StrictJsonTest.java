package org.filmreviews.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {

    /** A request body as the APIs declare them: a primitive, a boxed number, text and a flag. */
    public record Rating(int score, Double weight, String body, Boolean spoiler) {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static Rating read(String json) throws JsonProcessingException {
        return strict().readValue(json, Rating.class);
    }

    @Test
    void aBodyThatSaysWhatItMeansIsRead() throws JsonProcessingException {
        assertThat(read("{\"score\": 7, \"weight\": 0.5, \"body\": \"Fine.\", \"spoiler\": false}"))
                .isEqualTo(new Rating(7, 0.5, "Fine.", false));
    }

    @Test
    void numbersAreNotTakenFromFractionsOrText() {
        assertThatThrownBy(() -> read("{\"score\": 7.5, \"body\": \"x\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"score\": \"7\", \"body\": \"x\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"score\": 7, \"weight\": \"0.5\"}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void textAndFlagsAreNotTakenFromOtherKindsOfValue() {
        assertThatThrownBy(() -> read("{\"score\": 7, \"body\": 12}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"score\": 7, \"body\": true}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"score\": 7, \"spoiler\": \"true\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"score\": 7, \"spoiler\": 1}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aNullForAPrimitiveIsAnErrorNotZero() {
        assertThatThrownBy(() -> read("{\"score\": null}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anUnknownFieldAFieldGivenTwiceOrTrailingTokensAreErrorsThatNameTheProblem() {
        assertThatThrownBy(() -> read("{\"score\": 7, \"ratng\": 7}")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("ratng");
        assertThatThrownBy(() -> read("{\"score\": 7, \"score\": 8}")).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> read("{\"score\": 7} {}")).isInstanceOf(JsonProcessingException.class);
    }
}
