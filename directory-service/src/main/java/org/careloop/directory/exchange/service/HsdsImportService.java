package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.directory.availability.service.AvailabilityPublisher;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.directory.exchange.ImportReport;
import org.careloop.directory.exchange.StagedRecord;
import org.careloop.directory.exchange.config.ExchangeConfig;
import org.careloop.directory.exchange.repository.StageRepository;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;

/**
 * Imports HSDS data in one transaction: the body is read record by record, every object validated against the HSDS
 * JSON Schemas and staged in batches; the database then checks references, refuses silent moves of services, writes
 * only what differs (so the same data again changes nothing, not even {@code last_modified}), recomputes categories
 * and coverage of the services that changed and the import publishes {@code capacity-changed} for those whose
 * availability changed. Any error writes nothing.
 */
@ApplicationScoped
public class HsdsImportService {

    /** How an import body is written. */
    public enum Format {
        JSON,
        CSV_PACKAGE
    }

    /** Services published per session flush. */
    private static final int PUBLISH_CHUNK = 200;

    private final HsdsSchemas schemas;
    private final StageRepository stage;
    private final AvailabilityPublisher publisher;
    private final ExchangeConfig config;
    private final ObjectMapper mapper = new ObjectMapper();

    public HsdsImportService(
            HsdsSchemas schemas, StageRepository stage, AvailabilityPublisher publisher, ExchangeConfig config) {
        this.schemas = schemas;
        this.stage = stage;
        this.publisher = publisher;
        this.config = config;
    }

    /** Imports a body spooled to a file. */
    public Uni<ImportReport> importFile(File body, Format format, boolean allowMoves) {
        List<StagedRecord> buffer = new ArrayList<>();
        RecordFlattener flattener = new RecordFlattener(schemas, config.maxErrors(), buffer::add);
        RecordReader reader;
        try {
            reader = format == Format.JSON
                    ? new JsonRecordReader(body, mapper, flattener, buffer::size)
                    : new CsvPackageReader(body, mapper, schemas, flattener, buffer::size);
        } catch (IOException e) {
            return Uni.createFrom().failure(unreadable(e));
        }
        return run(batches(reader, buffer), flattener, allowMoves, false, true).eventually(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                Log.debugf(e, "Closing an import body");
            }
        });
    }

    /** Imports records already in memory (the v1 bundle, which is small and validated by the REST layer). */
    public Uni<ImportReport> importRecords(List<StagedRecord> records, boolean allowMoves) {
        Iterator<List<StagedRecord>> batches = partition(records).iterator();
        RecordFlattener none = new RecordFlattener(schemas, config.maxErrors(), r -> {});
        return run(() -> batches.hasNext() ? batches.next() : List.of(), none, allowMoves, true, false);
    }

    private List<List<StagedRecord>> partition(List<StagedRecord> records) {
        List<List<StagedRecord>> batches = new ArrayList<>();
        for (int i = 0; i < records.size(); i += config.batchSize()) {
            batches.add(records.subList(i, Math.min(records.size(), i + config.batchSize())));
        }
        return batches;
    }

    /** The next batch of records read from the body; empty once it is exhausted. */
    private java.util.function.Supplier<List<StagedRecord>> batches(RecordReader reader, List<StagedRecord> buffer) {
        return () -> {
            try {
                reader.read(config.batchSize());
            } catch (IOException e) {
                throw unreadable(e);
            }
            List<StagedRecord> batch = List.copyOf(buffer);
            buffer.clear();
            return batch;
        };
    }

    private Uni<ImportReport> run(
            java.util.function.Supplier<List<StagedRecord>> next,
            RecordFlattener flattener,
            boolean allowMoves,
            boolean v1,
            boolean requireRecords) {
        UUID importId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // HSDS last_modified has ms precision
        AtomicLong seq = new AtomicLong();
        long started = System.nanoTime();
        return Panache.withTransaction(() -> Multi.createBy()
                        .repeating()
                        .supplier(next)
                        .until(List::isEmpty)
                        .onItem()
                        .transformToUniAndConcatenate(batch -> {
                            long first = seq.getAndAdd(batch.size());
                            // Once a record is invalid nothing will be written: keep reading, only to report every
                            // error.
                            return flattener.errorCount() > 0
                                    ? Uni.createFrom().item(0)
                                    : stage.stage(importId, first, batch);
                        })
                        .collect()
                        .last()
                        .chain(() -> {
                            if (flattener.errorCount() > 0) {
                                return Uni.createFrom().failure(invalid(flattener.errors(), flattener.errorCount()));
                            }
                            if (requireRecords && seq.get() == 0) {
                                return Uni.createFrom()
                                        .failure(ProblemException.badRequest("body", "holds no HSDS records"));
                            }
                            return stage.merge(importId, now, allowMoves, config.maxErrors(), v1);
                        })
                        .chain(answer -> outcome(answer, now, seq.get(), started)))
                .onFailure(HsdsImportService::isConcurrencyFailure)
                .transform(failure -> ProblemException.conflict(
                        "concurrent-update", "The directory changed during the import; retry the import"));
    }

    /**
     * Unique violations, deadlocks and serialization failures between concurrent imports of the same new objects
     * (retrying succeeds), however the driver and Hibernate wrap them: causes and suppressed exceptions are searched.
     */
    static boolean isConcurrencyFailure(Throwable failure) {
        return isConcurrencyFailure(failure, 0);
    }

    private static boolean isConcurrencyFailure(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof io.vertx.pgclient.PgException pg && retryable(pg.getSqlState())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && retryable(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isConcurrencyFailure(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean retryable(String sqlState) {
        return sqlState != null && (sqlState.equals("23505") || sqlState.startsWith("40"));
    }

    private Uni<ImportReport> outcome(String answer, Instant now, long staged, long started) {
        JsonNode result;
        try {
            result = mapper.readTree(answer);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Unreadable merge answer", e));
        }
        if (result.has("errors")) {
            List<Problem.FieldError> errors = new ArrayList<>();
            result.get("errors")
                    .forEach(e -> errors.add(new Problem.FieldError(
                            e.get("path").asText() + e.get("field").asText(),
                            e.get("message").asText())));
            return Uni.createFrom()
                    .failure(invalid(errors, result.get("error_count").asInt()));
        }
        if (result.path("conflict").asBoolean()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            result.get("moves").forEach(m -> {
                ids.add(m.get("service_id").asText());
                errors.add(new Problem.FieldError(
                        "services[id=" + m.get("service_id").asText() + "]/organization_id",
                        "would move the service from organization "
                                + m.get("current_organization_id").asText() + " to "
                                + m.get("new_organization_id").asText()
                                + "; import with allow_moves=true to move it"));
            });
            return Uni.createFrom()
                    .failure(new ProblemException(
                            409,
                            "service-move",
                            "Conflict",
                            "The import would move services to another organization: " + String.join(", ", ids),
                            errors));
        }
        List<String> published = strings(result.get("published"));
        List<String> touched = strings(result.get("touched"));
        long merged = System.nanoTime();
        return publishInChunks(published, now)
                .invoke(() -> Log.infof(
                        "HSDS import: %d objects staged and merged in %d ms, %d services changed, availability of %d"
                                + " published in %d ms",
                        staged,
                        (merged - started) / 1_000_000,
                        touched.size(),
                        published.size(),
                        (System.nanoTime() - merged) / 1_000_000))
                .replaceWith(() -> new ImportReport(
                        counts(result.get("counts")),
                        moves(result.get("moved")),
                        touched.size(),
                        touched.stream().sorted().limit(1000).toList(),
                        published.size()));
    }

    /**
     * Publishes in chunks, flushing and clearing the session between them: the publisher loads each service, and a
     * session holding thousands of them would dirty-check them all at every flush.
     */
    private Uni<Void> publishInChunks(List<String> serviceIds, Instant now) {
        List<String> ordered = serviceIds.stream().sorted().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i += PUBLISH_CHUNK) {
            chunks.add(ordered.subList(i, Math.min(ordered.size(), i + PUBLISH_CHUNK)));
        }
        return Multi.createFrom()
                .iterable(chunks)
                .onItem()
                .transformToUniAndConcatenate(chunk -> publisher
                        .publish(chunk, CapacityCauses.IMPORT, now)
                        .chain(() -> Panache.getSession())
                        .chain(session -> session.flush().invoke(session::clear)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private static Map<String, ImportReport.Counts> counts(JsonNode counts) {
        Map<String, ImportReport.Counts> map = new LinkedHashMap<>();
        for (HsdsKind kind : HsdsKind.values()) {
            JsonNode c = counts.get(kind.table());
            if (c != null) {
                map.put(
                        kind.plural(),
                        new ImportReport.Counts(
                                c.get("created").asInt(),
                                c.get("updated").asInt(),
                                c.get("unchanged").asInt(),
                                c.get("deleted").asInt()));
            }
        }
        return map;
    }

    private static List<ImportReport.Move> moves(JsonNode moves) {
        List<ImportReport.Move> list = new ArrayList<>();
        moves.forEach(m -> list.add(new ImportReport.Move(
                m.get("service_id").asText(),
                m.get("current_organization_id").asText(),
                m.get("new_organization_id").asText())));
        return list;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors, int count) {
        String detail = count + " invalid field(s) in the import; nothing was written"
                + (count > errors.size() ? " (the first " + errors.size() + " are listed)" : "");
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    private static ProblemException unreadable(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return ProblemException.badRequest("body", "cannot be read: " + message);
    }
}
