package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.directory.exchange.config.ExchangeConfig;
import org.careloop.directory.exchange.repository.ExportRepository;
import org.careloop.directory.exchange.repository.ExportRepository.Row;

/**
 * Writes the directory (or what changed since an instant) as HSDS: nested JSON (organizations with their services),
 * flat JSON (one array per table) or a CSV datapackage (zip). Streams page by page (keyset by id), never the whole
 * export in memory; each page is read in its own short transaction, so a long export is not one snapshot.
 */
@ApplicationScoped
public class HsdsExportService {

    /** How the export is written. */
    public enum Format {
        NESTED,
        FLAT,
        CSV
    }

    /** The tables of flat exports, parents first. */
    static final List<HsdsKind> TABLES = List.of(
            HsdsKind.ORGANIZATION,
            HsdsKind.SERVICE,
            HsdsKind.LOCATION,
            HsdsKind.SERVICE_AT_LOCATION,
            HsdsKind.ADDRESS,
            HsdsKind.PHONE,
            HsdsKind.SCHEDULE,
            HsdsKind.SERVICE_AREA,
            HsdsKind.LANGUAGE,
            HsdsKind.TAXONOMY,
            HsdsKind.TAXONOMY_TERM,
            HsdsKind.ATTRIBUTE,
            HsdsKind.UNIT,
            HsdsKind.SERVICE_CAPACITY);

    /** Objects kept in their owner's doc that a CSV datapackage carries as tables: (kind, owner, key, link). */
    private record Folded(HsdsKind kind, HsdsKind owner, String key, String link) {}

    private static final List<Folded> FOLDED = List.of(
            new Folded(HsdsKind.CONTACT, HsdsKind.ORGANIZATION, "contacts", "organization_id"),
            new Folded(HsdsKind.CONTACT, HsdsKind.SERVICE, "contacts", "service_id"),
            new Folded(HsdsKind.CONTACT, HsdsKind.LOCATION, "contacts", "location_id"),
            new Folded(HsdsKind.CONTACT, HsdsKind.SERVICE_AT_LOCATION, "contacts", "service_at_location_id"),
            new Folded(HsdsKind.PROGRAM, HsdsKind.ORGANIZATION, "programs", "organization_id"),
            new Folded(HsdsKind.FUNDING, HsdsKind.ORGANIZATION, "funding", "organization_id"),
            new Folded(HsdsKind.FUNDING, HsdsKind.SERVICE, "funding", "service_id"),
            new Folded(HsdsKind.COST_OPTION, HsdsKind.SERVICE, "cost_options", "service_id"),
            new Folded(HsdsKind.REQUIRED_DOCUMENT, HsdsKind.SERVICE, "required_documents", "service_id"),
            new Folded(HsdsKind.ACCESSIBILITY, HsdsKind.LOCATION, "accessibility", "location_id"),
            new Folded(
                    HsdsKind.ORGANIZATION_IDENTIFIER,
                    HsdsKind.ORGANIZATION,
                    "organization_identifiers",
                    "organization_id"));

    private final ExportRepository repository;
    private final HsdsSchemas schemas;
    private final ExchangeConfig config;
    private final Vertx vertx;
    private final ObjectMapper mapper = new ObjectMapper();

    public HsdsExportService(ExportRepository repository, HsdsSchemas schemas, ExchangeConfig config, Vertx vertx) {
        this.repository = repository;
        this.schemas = schemas;
        this.config = config;
        this.vertx = vertx;
    }

    /** Writes the export to {@code out}; blocking, for a worker thread. */
    public void write(Format format, Instant since, OutputStream out) throws IOException {
        switch (format) {
            case NESTED -> writeNested(since, out);
            case FLAT -> writeFlat(since, out);
            case CSV -> writeCsv(since, out);
        }
    }

    private void writeNested(Instant since, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('[');
        boolean[] first = {true};
        pages(after -> repository.organizations(since, after, config.exportPageSize()), row -> {
            write(writer, (first[0] ? "" : ",") + row.json());
            first[0] = false;
        });
        writer.write(']');
        writer.flush();
    }

    private void writeFlat(Instant since, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('{');
        for (int i = 0; i < TABLES.size(); i++) {
            HsdsKind kind = TABLES.get(i);
            writer.write((i == 0 ? "" : ",") + "\"" + kind.plural() + "\":[");
            boolean[] first = {true};
            pages(after -> repository.flat(kind, since, after, config.exportPageSize()), row -> {
                write(writer, (first[0] ? "" : ",") + row.json());
                first[0] = false;
            });
            writer.write(']');
        }
        writer.write('}');
        writer.flush();
    }

    private void writeCsv(Instant since, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<HsdsKind> kinds = new ArrayList<>(TABLES);
        FOLDED.stream().map(Folded::kind).distinct().forEach(kinds::add);
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        zip.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(datapackage(kinds)));
        zip.closeEntry();
        CsvMapper csv = new CsvMapper();
        for (HsdsKind kind : kinds) {
            List<String> columns = schemas.scalarFields(kind);
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
            columns.forEach(schema::addColumn);
            zip.putNextEntry(new ZipEntry(kind.plural() + ".csv"));
            // The header even for an empty table (the generator writes it only with a first row).
            zip.write((String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8));
            CsvGenerator generator = csv.getFactory().createGenerator(nonClosing(zip));
            generator.setSchema(schema.build());
            Consumer<JsonNode> row = record -> {
                try {
                    generator.writeStartObject();
                    for (String column : columns) {
                        JsonNode value = record.get(column);
                        if (value != null && value.isValueNode() && !value.isNull()) {
                            generator.writeStringField(column, value.asText());
                        }
                    }
                    generator.writeEndObject();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            if (TABLES.contains(kind)) {
                pages(
                        after -> repository.flat(kind, since, after, config.exportPageSize()),
                        r -> row.accept(read(r.json())));
            } else {
                for (Folded folded : FOLDED) {
                    if (folded.kind() == kind) {
                        pages(
                                after -> repository.folded(
                                        folded.owner(),
                                        folded.key(),
                                        folded.link(),
                                        since,
                                        after,
                                        config.exportPageSize()),
                                r -> read(r.json()).forEach(row));
                    }
                }
            }
            generator.flush();
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private ObjectNode datapackage(List<HsdsKind> kinds) {
        ObjectNode descriptor = mapper.createObjectNode();
        descriptor.put("name", "careloop-directory");
        descriptor.put("profile", "tabular-data-package");
        ArrayNode resources = descriptor.putArray("resources");
        for (HsdsKind kind : kinds) {
            ObjectNode resource = resources.addObject();
            resource.put("name", kind.table());
            resource.put("path", kind.plural() + ".csv");
            resource.put("profile", "tabular-data-resource");
            ArrayNode fields = resource.putObject("schema").putArray("fields");
            schemas.scalarFields(kind).forEach(field -> fields.addObject()
                    .put("name", field)
                    .put("type", schemas.fieldTypes(kind).get(field)));
        }
        return descriptor;
    }

    /** Reads pages by id until one comes back short. */
    private void pages(Function<String, Uni<List<Row>>> page, Consumer<Row> each) {
        String after = "";
        while (true) {
            String from = after;
            List<Row> rows = OnContext.await(vertx, () -> page.apply(from));
            rows.forEach(each);
            if (rows.size() < config.exportPageSize()) {
                return;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
