package org.careloop.directory.exchange.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.directory.exchange.StagedRecord;

/** Staging of an import's records and the merge into the directory's tables (migration V6), in the caller's transaction. */
@ApplicationScoped
public class StageRepository {

    private static final String STAGE = "insert into hsds_stage (import_id, seq, kind, id, doc, links, path)"
            + " select cast(cast(?1 as text) as uuid), r.seq, r.kind, r.id, r.doc, r.links, r.path"
            + " from jsonb_to_recordset(cast(cast(?2 as text) as jsonb))"
            + " as r(seq bigint, kind text, id text, doc jsonb, links jsonb, path text)";

    private static final String MERGE =
            "select cast(hsds_merge(cast(cast(?1 as text) as uuid), cast(cast(?2 as text) as timestamptz), ?3, ?4, ?5) as text)";

    private final ObjectMapper mapper = new ObjectMapper();

    /** Stages a batch with one multi-row insert; {@code firstSeq} numbers its records in import order. */
    public Uni<Integer> stage(UUID importId, long firstSeq, List<StagedRecord> records) {
        ArrayNode rows = mapper.createArrayNode();
        long seq = firstSeq;
        for (StagedRecord record : records) {
            ObjectNode row = rows.addObject();
            row.put("seq", seq++);
            row.put("kind", record.kind().table());
            row.put("id", record.id());
            row.set("doc", record.doc());
            ObjectNode links = row.putObject("links");
            record.links().forEach(links::put);
            row.put("path", record.path());
        }
        String json;
        try {
            json = mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(STAGE)
                .setParameter(1, importId.toString())
                .setParameter(2, json)
                .executeUpdate());
    }

    /** Runs the merge; the JSON answer is described in migration V6 ({@code hsds_merge}). */
    public Uni<String> merge(UUID importId, Instant now, boolean allowMoves, int maxErrors, boolean v1) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MERGE, String.class)
                .setParameter(1, importId.toString())
                .setParameter(2, now.toString())
                .setParameter(3, allowMoves)
                .setParameter(4, maxErrors)
                .setParameter(5, v1)
                .getSingleResult());
    }
}
