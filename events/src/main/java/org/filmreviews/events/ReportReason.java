package org.filmreviews.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a reader reported a review; written in lower case in JSON, as readers send it. */
public enum ReportReason {
    /** It gives away the plot without a spoiler warning. */
    @JsonProperty("spoiler")
    SPOILER,
    /** An advertisement, links or other text that is not a review. */
    @JsonProperty("spam")
    SPAM,
    /** Insults, harassment or hate. */
    @JsonProperty("abuse")
    ABUSE
}
