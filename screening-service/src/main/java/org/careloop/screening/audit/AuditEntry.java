package org.careloop.screening.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the append-only disclosure audit: who read or changed what of which person, why, and whether allowed. */
@Entity
@Table(name = "disclosure_audit")
public class AuditEntry {

    public static final String ALLOWED = "allowed";
    public static final String DENIED = "denied";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_organization_id")
    public String actorOrganizationId;

    @Column(name = "person_ref")
    public String personRef;

    @Column(name = "referral_id")
    public UUID referralId;

    /** See {@link AuditActions}. */
    @Column(nullable = false)
    public String action;

    public String purpose;

    @Column(nullable = false)
    public String outcome;

    /** Why it was denied, or a note on what was done. */
    public String reason;
}
