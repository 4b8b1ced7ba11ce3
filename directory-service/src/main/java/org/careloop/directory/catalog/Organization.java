package org.careloop.directory.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An HSDS organization: the community organization that delivers services. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    public String email;

    public String website;

    @Column(name = "last_modified", nullable = false)
    public Instant lastModified;

    /** The HSDS object as imported, less its child objects and {@code last_modified} (see migration V3). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> doc;

    public Organization() {}

    public Organization(String id, String name, String description, String email, String website) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.email = email;
        this.website = website;
        this.doc = documentOf();
    }

    /** The HSDS document of the typed fields (a v1 bundle carries no others). */
    public Map<String, Object> documentOf() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("name", name);
        d.put("description", description);
        Documents.putIfSet(d, "email", email);
        Documents.putIfSet(d, "website", website);
        return d;
    }

    /** Whether the listed fields equal those of {@code other}; {@code lastModified} is bookkeeping, not content. */
    public boolean sameContentAs(Organization other) {
        return Objects.equals(name, other.name)
                && Objects.equals(description, other.description)
                && Objects.equals(email, other.email)
                && Objects.equals(website, other.website);
    }

    /** Copies the listed fields of {@code other} into this organization. */
    public void copyContentFrom(Organization other) {
        name = other.name;
        description = other.description;
        email = other.email;
        website = other.website;
        doc = other.doc;
    }
}
