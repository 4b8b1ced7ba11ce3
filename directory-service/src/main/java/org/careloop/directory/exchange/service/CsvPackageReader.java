package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.platform.problem.ProblemException;

/**
 * Streams an HSDS CSV datapackage (a zip of {@code datapackage.json} and one CSV per table) row by row. Tables are
 * named by the datapackage's resources ({@code name}, {@code path}), else by their file names ({@code services.csv});
 * cells are converted to the types of the HSDS JSON Schema (numbers, booleans), empty cells are absent fields.
 */
public final class CsvPackageReader implements RecordReader {

    private record Table(HsdsKind kind, ZipEntry entry) {}

    private final ZipFile zip;
    private final CsvMapper csv =
            CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
    private final ObjectMapper mapper;
    private final HsdsSchemas schemas;
    private final RecordFlattener flattener;
    private final IntSupplier staged;
    private final Deque<Table> tables = new ArrayDeque<>();
    private Table current;
    private MappingIterator<Map<String, String>> rows;

    public CsvPackageReader(
            File body, ObjectMapper mapper, HsdsSchemas schemas, RecordFlattener flattener, IntSupplier staged)
            throws IOException {
        try {
            this.zip = new ZipFile(body);
        } catch (ZipException e) {
            throw ProblemException.badRequest("body", "is not a zip archive (an HSDS CSV datapackage)");
        }
        this.mapper = mapper;
        this.schemas = schemas;
        this.flattener = flattener;
        this.staged = staged;
        findTables();
    }

    private void findTables() throws IOException {
        ZipEntry descriptor = zip.getEntry("datapackage.json");
        if (descriptor != null) {
            JsonNode resources;
            try (InputStream in = zip.getInputStream(descriptor)) {
                resources = mapper.readTree(in).path("resources");
            } catch (IOException e) {
                throw ProblemException.badRequest("datapackage.json", "is not valid JSON");
            }
            for (JsonNode resource : resources) {
                String path = resource.path("path").asText("");
                ZipEntry entry = zip.getEntry(path);
                Optional<HsdsKind> kind =
                        HsdsKind.named(resource.path("name").asText("")).or(() -> HsdsKind.named(baseName(path)));
                if (entry != null && kind.isPresent() && entry.getSize() != 0) {
                    tables.add(new Table(kind.get(), entry));
                }
            }
        }
        if (tables.isEmpty()) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".csv") && entry.getSize() != 0) {
                    HsdsKind.named(baseName(entry.getName())).ifPresent(kind -> tables.add(new Table(kind, entry)));
                }
            }
        }
        if (tables.isEmpty()) {
            throw ProblemException.badRequest("body", "the datapackage holds no HSDS table (services.csv...)");
        }
    }

    private static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    @Override
    public boolean read(int records) throws IOException {
        int target = staged.getAsInt() + records;
        while (staged.getAsInt() < target) {
            if (rows == null || !rows.hasNext()) {
                if (rows != null) {
                    rows.close();
                }
                current = tables.poll();
                if (current == null) {
                    rows = null;
                    return false;
                }
                rows = csv.readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(zip.getInputStream(current.entry()));
                continue;
            }
            flattener.flatten(current.kind(), typed(current.kind(), rows.next()), Map.of(), "");
        }
        return true;
    }

    /** A CSV row as a JSON record of the schema's types. */
    ObjectNode typed(HsdsKind kind, Map<String, String> row) {
        Map<String, String> types = schemas.fieldTypes(kind);
        ObjectNode record = mapper.createObjectNode();
        row.forEach((column, cell) -> {
            if (cell == null || cell.isEmpty()) {
                return;
            }
            String type = types.getOrDefault(column, "string");
            switch (type) {
                case "number", "integer" -> {
                    try {
                        BigDecimal number = new BigDecimal(cell);
                        if (number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0) {
                            record.put(column, number.toBigIntegerExact());
                        } else {
                            record.put(column, number);
                        }
                    } catch (NumberFormatException | ArithmeticException e) {
                        record.put(column, cell); // the schema reports the type
                    }
                }
                case "boolean" -> {
                    if (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false")) {
                        record.put(column, Boolean.parseBoolean(cell));
                    } else {
                        record.put(column, cell);
                    }
                }
                default -> record.put(column, cell);
            }
        });
        return record;
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
        zip.close();
    }
}
