package org.careloop.directory.hsds.repository;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** SQL text with numbered parameters ($1, $2...): filters are appended only when set, values never inlined. */
final class SqlBuilder {

    private final List<Object> values = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();

    /** The placeholder of a new parameter. */
    String param(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    void where(String condition) {
        conditions.add(condition);
    }

    /** {@code where a and b...}, or nothing. */
    String whereClause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Tuple tuple() {
        return Tuple.from(values);
    }
}
