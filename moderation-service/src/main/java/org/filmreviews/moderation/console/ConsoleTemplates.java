package org.filmreviews.moderation.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages, in {@code templates/console}; Qute checks each against the types here and escapes every value. */
@CheckedTemplate(basePath = "console")
class ConsoleTemplates {

    static native TemplateInstance signIn(String error, String username);

    static native TemplateInstance forbidden(String user);

    static native TemplateInstance missing(String user, String reviewId);

    static native TemplateInstance queue(ConsoleViews.QueuePage page);

    /** The queue's rows alone, for the page's live updates. */
    static native TemplateInstance queue$rows(ConsoleViews.QueuePage page);

    static native TemplateInstance caseFile(ConsoleViews.CasePage page);
}
