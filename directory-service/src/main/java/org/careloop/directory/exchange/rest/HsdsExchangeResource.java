package org.careloop.directory.exchange.rest;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.careloop.directory.exchange.ImportReport;
import org.careloop.directory.exchange.config.ExchangeConfig;
import org.careloop.directory.exchange.service.HsdsExportService;
import org.careloop.directory.exchange.service.HsdsImportService;
import org.careloop.directory.exchange.service.OnContext;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HSDS 3.1 import and export. Bodies are streams: an import is spooled to a temporary file on a worker thread (never
 * held in memory) and read record by record; an export is written page by page.
 */
@Path("/api/v1/directory/hsds")
@Tag(name = "HSDS exchange", description = "Import and export the directory as Open Referral HSDS 3.1")
public class HsdsExchangeResource {

    public static final String ZIP = "application/zip";

    private final HsdsImportService importService;
    private final HsdsExportService exportService;
    private final ExchangeConfig config;
    private final Vertx vertx;

    public HsdsExchangeResource(
            HsdsImportService importService, HsdsExportService exportService, ExchangeConfig config, Vertx vertx) {
        this.importService = importService;
        this.exportService = exportService;
        this.config = config;
        this.vertx = vertx;
    }

    @POST
    @Path("/import")
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, ZIP})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(
            summary = "Import HSDS 3.1 data",
            description = "JSON (organizations with nested services, services with nested organization, or one array"
                    + " per table) or a CSV datapackage (zip). One transaction; idempotent; a service that would"
                    + " change organization is a 409 unless allow_moves=true.")
    @APIResponse(responseCode = "200", description = "Imported: counts per object type, moves, services changed")
    @APIResponse(responseCode = "400", description = "Invalid records (type, id and field path); nothing written")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    @APIResponse(responseCode = "409", description = "Services would move to another organization; nothing written")
    @APIResponse(responseCode = "413", description = "Body larger than careloop.directory.exchange.max-import-bytes")
    public ImportReport importHsds(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("allow_moves") Boolean allowMoves) {
        HsdsImportService.Format format =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(ZIP)
                        ? HsdsImportService.Format.CSV_PACKAGE
                        : HsdsImportService.Format.JSON;
        File file = spool(body);
        try {
            return OnContext.await(
                    vertx, () -> importService.importFile(file, format, Boolean.TRUE.equals(allowMoves)));
        } finally {
            file.delete();
        }
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, ZIP})
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.INTEGRATOR})
    @Operation(
            summary = "Export the directory as HSDS 3.1",
            description = "format=nested (organizations with nested services, default), flat (one array per table)"
                    + " or csv (datapackage zip); since=<instant> exports only what changed after it.")
    @APIResponse(responseCode = "200", description = "The export, streamed")
    @APIResponse(responseCode = "400", description = "Unknown format or unreadable since")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a coordinator, operator or integrator")
    public Response export(@QueryParam("format") String format, @QueryParam("since") String since) {
        HsdsExportService.Format chosen = format(format);
        Instant after = since(since);
        StreamingOutput stream = (OutputStream out) -> exportService.write(chosen, after, out);
        if (chosen == HsdsExportService.Format.CSV) {
            return Response.ok(stream, ZIP)
                    .header("Content-Disposition", "attachment; filename=\"hsds-datapackage.zip\"")
                    .build();
        }
        return Response.ok(stream, MediaType.APPLICATION_JSON).build();
    }

    private static HsdsExportService.Format format(String format) {
        if (format == null || format.isEmpty()) {
            return HsdsExportService.Format.NESTED;
        }
        return switch (format) {
            case "nested" -> HsdsExportService.Format.NESTED;
            case "flat" -> HsdsExportService.Format.FLAT;
            case "csv" -> HsdsExportService.Format.CSV;
            default -> throw ProblemException.badRequest("format", "must be nested, flat or csv");
        };
    }

    private static Instant since(String since) {
        if (since == null || since.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("since", "must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }

    /** Copies the body to a temporary file, refusing it beyond the configured size. */
    private File spool(InputStream body) {
        File file;
        try {
            file = Files.createTempFile("hsds-import-", ".body").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(file.toPath())) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > config.maxImportBytes()) {
                    throw new ProblemException(
                            413,
                            "too-large",
                            "Payload too large",
                            "An import may be at most " + config.maxImportBytes() + " bytes",
                            null);
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException e) {
            file.delete();
            throw ProblemException.badRequest("body", "could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            file.delete();
            throw e;
        }
    }
}
