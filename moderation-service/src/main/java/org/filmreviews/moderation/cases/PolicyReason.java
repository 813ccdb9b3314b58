package org.filmreviews.moderation.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a moderator keeps a review off the page: the list the console offers. The codes are stable (they
 * travel in events and statistics); the labels are what the author reads.
 */
public enum PolicyReason {
    SPAM("spam", "Spam or advertising", true), OFF_TOPIC("off-topic", "Not about the film", false), ABUSE("abuse",
            "Abusive, hateful or harassing", false), PERSONAL_DATA("personal-data", "Personal or contact details",
                    false), COPIED("copied", "Copied from someone else", true), ILLEGAL("illegal", "Illegal content",
                            false), OTHER("other", "Another policy violation", false);

    private final String code;
    private final String label;
    private final boolean teachesSpam;

    PolicyReason(String code, String label, boolean teachesSpam) {
        this.code = code;
        this.label = label;
        this.teachesSpam = teachesSpam;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a take-down for this reason is a spam miss the engine should learn from. Other take-downs
     * are about context the text does not show (a complaint, a later-found pattern), and teaching the
     * spam model with them would make it reject honest reviews that read alike.
     */
    public boolean teachesSpam() {
        return teachesSpam;
    }

    public static Optional<PolicyReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
