package org.careloop.directory.hsds.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;
import org.careloop.directory.hsds.repository.HsdsRepository;
import org.careloop.directory.hsds.repository.PageRows;
import org.careloop.platform.problem.ProblemException;

/** Answers the HSDS API: listings in the paging envelope and single objects, all as JSON text. Reads only. */
@ApplicationScoped
public class HsdsService {

    private final HsdsRepository repository;

    public HsdsService(HsdsRepository repository) {
        this.repository = repository;
    }

    public Uni<String> services(HsdsFilter filter, HsdsShape shape, HsdsPaging paging) {
        return resolved(filter, f -> repository.findServices(f, shape, paging)).map(rows -> envelope(rows, paging));
    }

    public Uni<String> service(String id) {
        return found(repository.findService(id), "Service", id);
    }

    public Uni<String> serviceAtLocations(HsdsFilter filter, HsdsShape shape, HsdsPaging paging) {
        return resolved(filter, f -> repository.findServiceAtLocations(f, shape, paging))
                .map(rows -> envelope(rows, paging));
    }

    public Uni<String> serviceAtLocation(String id) {
        return found(repository.findServiceAtLocation(id), "Service at location", id);
    }

    public Uni<String> organizations(HsdsFilter filter, HsdsShape shape, HsdsPaging paging) {
        return repository.findOrganizations(filter, shape, paging).map(rows -> envelope(rows, paging));
    }

    public Uni<String> organization(String id, boolean fullServices) {
        return found(repository.findOrganization(id, fullServices), "Organization", id);
    }

    public Uni<String> taxonomies(String search, HsdsPaging paging) {
        return repository.findTaxonomies(search, paging).map(rows -> envelope(rows, paging));
    }

    public Uni<String> taxonomy(String id) {
        return found(repository.findTaxonomy(id), "Taxonomy", id);
    }

    public Uni<String> taxonomyTerms(
            String search, String taxonomyId, String parentId, boolean topOnly, HsdsPaging paging) {
        return repository
                .findTaxonomyTerms(search, taxonomyId, parentId, topOnly, paging)
                .map(rows -> envelope(rows, paging));
    }

    public Uni<String> taxonomyTerm(String id) {
        return found(repository.findTaxonomyTerm(id), "Taxonomy term", id);
    }

    // A postcode the directory does not know is the client's error (400), not an empty answer: it cannot be covered
    // nor measured from, and an empty page would read as "no services there".
    private Uni<PageRows> resolved(HsdsFilter filter, Function<HsdsFilter, Uni<PageRows>> query) {
        if (filter.place() == null) {
            return query.apply(filter);
        }
        return repository.findPostalCode(filter.place().code()).chain(found -> found.map(
                        code -> query.apply(filter.at(code)))
                .orElseThrow(() -> ProblemException.badRequest(
                        "postcode", "unknown postal code " + filter.place().code())));
    }

    private static String envelope(PageRows rows, HsdsPaging paging) {
        return HsdsEnvelope.of(rows, paging);
    }

    private static Uni<String> found(Uni<Optional<String>> query, String what, String id) {
        return query.map(json -> json.orElseThrow(() -> ProblemException.notFound(what, id)));
    }
}
