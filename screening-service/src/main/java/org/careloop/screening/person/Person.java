package org.careloop.screening.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person as one clinic knows them, under their pseudonymous reference. The details are one encrypted value; only
 * what routing and safety need is kept in clear: the do-not-contact flag and the preferred language.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @Column(name = "person_ref")
    public String personRef;

    /** The clinic the person belongs to; only its staff read the details. */
    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    /** {@link PersonDetails} as JSON, encrypted by {@link DetailsCipher}. */
    @Column(name = "details", nullable = false)
    public String details;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** Organizations must not contact the person (SDOHCC contacting-subject-prohibited). */
    @Column(name = "do_not_contact", nullable = false)
    public boolean doNotContact;

    /** BCP-47 tag; events carry it for routing. */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
