package org.careloop.notification.delivery;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** Helpers for channels that answer the destinations of several notices with one query. */
public final class Destinations {

    private Destinations() {}

    /** The organizations the notices tell, once each. */
    public static List<String> organizations(List<Notice> notices) {
        return notices.stream()
                .map(Notice::organizationId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** No destination for any notice. */
    public static List<List<Destination>> none(List<Notice> notices) {
        return notices.stream().map(n -> List.<Destination>of()).toList();
    }

    /** Per notice, in order, the destinations of the recipients (of its organization) that want it. */
    public static <T> List<List<Destination>> match(
            List<Notice> notices, List<T> recipients, BiPredicate<T, Notice> wants, Function<T, Destination> to) {
        return notices.stream()
                .map(n -> recipients.stream()
                        .filter(r -> wants.test(r, n))
                        .map(to)
                        .toList())
                .toList();
    }
}
