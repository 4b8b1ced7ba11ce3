package org.careloop.directory.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An HSDS service: what an organization offers, with its eligibility and when its data was last checked. */
@Entity
@Table(name = "service")
public class Service {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public ServiceStatus status;

    @Column(name = "eligibility_description")
    public String eligibilityDescription;

    @Column(name = "minimum_age")
    public Integer minimumAge;

    @Column(name = "maximum_age")
    public Integer maximumAge;

    /** The date the service's information was last confirmed (HSDS {@code assured_date}). */
    @Column(name = "assured_date")
    public LocalDate assuredDate;

    @Column(name = "last_modified", nullable = false)
    public Instant lastModified;

    /**
     * Version of the service's availability as last published in {@code capacity-changed}: +1 per change, 0 until the
     * first one. Bookkeeping, not content: it never changes {@code lastModified}.
     */
    @Column(name = "capacity_version", nullable = false)
    public long capacityVersion;

    /** HSDS {@code interpretation_services}: interpretation the service offers, if any. */
    @Column(name = "interpretation_services")
    public String interpretationServices;

    /** The HSDS object as imported, less its child objects and {@code last_modified} (see migration V3). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> doc;

    public Service() {}

    /** Whether the listed fields equal those of {@code other}; {@code lastModified} is bookkeeping, not content. */
    public boolean sameContentAs(Service other) {
        return Objects.equals(organizationId, other.organizationId)
                && Objects.equals(name, other.name)
                && Objects.equals(description, other.description)
                && status == other.status
                && Objects.equals(eligibilityDescription, other.eligibilityDescription)
                && Objects.equals(minimumAge, other.minimumAge)
                && Objects.equals(maximumAge, other.maximumAge)
                && Objects.equals(assuredDate, other.assuredDate);
    }

    /** The HSDS document of the typed fields (a v1 bundle carries no others). */
    public Map<String, Object> documentOf() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("organization_id", organizationId);
        d.put("name", name);
        Documents.putIfSet(d, "description", description);
        d.put("status", status.code());
        Documents.putIfSet(d, "eligibility_description", eligibilityDescription);
        Documents.putIfSet(d, "minimum_age", minimumAge);
        Documents.putIfSet(d, "maximum_age", maximumAge);
        Documents.putIfSet(d, "assured_date", assuredDate == null ? null : assuredDate.toString());
        return d;
    }

    /** Copies the listed fields of {@code other} into this service. */
    public void copyContentFrom(Service other) {
        organizationId = other.organizationId;
        name = other.name;
        description = other.description;
        status = other.status;
        eligibilityDescription = other.eligibilityDescription;
        minimumAge = other.minimumAge;
        maximumAge = other.maximumAge;
        assuredDate = other.assuredDate;
        interpretationServices = other.interpretationServices;
        doc = other.doc == null ? other.documentOf() : other.doc;
    }
}
