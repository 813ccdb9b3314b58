package org.filmreviews.platform.inbox;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The inbox check of every {@link AppliedOnce} handler, written once. Its priority puts it inside the
 * {@code @Transactional} interceptor (priority 200), so the inbox row and the handler's effect commit or roll back
 * together: an effect that fails leaves no inbox row, and the redelivery applies it.
 */
@AppliedOnce("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AppliedOnceInterceptor {

    @Inject
    Inbox inbox;

    @AroundInvoke
    Object applyFirstDeliveryOnly(InvocationContext invocation) throws Exception {
        AppliedOnce once = invocation.getMethod().getAnnotation(AppliedOnce.class);
        if (once == null) {
            once = invocation.getMethod().getDeclaringClass().getAnnotation(AppliedOnce.class);
        }
        Object[] parameters = invocation.getParameters();
        if (once == null || parameters.length == 0 || !(parameters[0] instanceof String eventId)) {
            throw new IllegalStateException("@AppliedOnce needs the event id as the first parameter of "
                    + invocation.getMethod());
        }
        if (!inbox.firstDelivery(eventId, once.value())) {
            return null; // a redelivery: its effect is committed already
        }
        return invocation.proceed();
    }
}
