package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.platform.problem.ProblemException;

/**
 * Streams an HSDS JSON body with Jackson's streaming parser, one record (a top-level organization or service with
 * what is nested in it, or one flat object) at a time: an array of organizations or services, one organization or
 * service, or an object of tables ({@code {"organizations": [...], "services": [...], "phones": [...]}}, which is
 * also the {@code {"organizations": [...]}} wrapper).
 */
public final class JsonRecordReader implements RecordReader {

    private enum Mode {
        START,
        ARRAY,
        TABLES,
        DONE
    }

    private final JsonParser parser;
    private final ObjectMapper mapper;
    private final RecordFlattener flattener;
    private final IntSupplier staged;
    private Mode mode = Mode.START;
    private HsdsKind table;

    /**
     * @param staged how many objects were staged so far (the batch boundary)
     */
    public JsonRecordReader(File body, ObjectMapper mapper, RecordFlattener flattener, IntSupplier staged)
            throws IOException {
        this.mapper = mapper;
        this.parser = mapper.createParser(body);
        this.flattener = flattener;
        this.staged = staged;
    }

    @Override
    public boolean read(int records) throws IOException {
        int target = staged.getAsInt() + records;
        while (mode != Mode.DONE && staged.getAsInt() < target) {
            step();
        }
        return mode != Mode.DONE;
    }

    private void step() throws IOException {
        switch (mode) {
            case START -> start();
            case ARRAY -> {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    mode = Mode.DONE;
                } else {
                    flattener.topLevel(mapper.readTree(parser));
                }
            }
            case TABLES -> {
                if (table != null) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        table = null;
                    } else {
                        flattener.flatten(table, mapper.readTree(parser), Map.of(), "");
                    }
                    return;
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT || token == null) {
                    mode = Mode.DONE;
                    return;
                }
                openTable(parser.currentName());
            }
            case DONE -> {}
        }
    }

    private void start() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            mode = Mode.ARRAY;
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            throw ProblemException.badRequest("body", "must be a JSON array or object of HSDS records");
        }
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            mode = Mode.DONE;
            return;
        }
        String first = parser.currentName();
        if (HsdsKind.named(first).isPresent()) {
            mode = Mode.TABLES;
            openTable(first);
            return;
        }
        // One organization or service: read it whole (it is one record).
        ObjectNode record = mapper.createObjectNode();
        parser.nextToken();
        record.set(first, mapper.readTree(parser));
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            record.set(name, mapper.readTree(parser));
        }
        flattener.topLevel(record);
        mode = Mode.DONE;
    }

    private void openTable(String name) throws IOException {
        Optional<HsdsKind> kind = HsdsKind.named(name);
        JsonToken token = parser.nextToken();
        if (kind.isEmpty()) {
            parser.skipChildren(); // a table CareLoop does not read, e.g. meta_table_descriptions
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            throw ProblemException.badRequest(
                    name, "must be an array of " + kind.get().table() + " records");
        }
        table = kind.get();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
