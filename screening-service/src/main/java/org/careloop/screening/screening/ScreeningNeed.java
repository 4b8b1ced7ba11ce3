package org.careloop.screening.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A positive need found by scoring a screening; its id travels in events so referrals can point at it. */
@Entity
@Table(name = "screening_need")
public class ScreeningNeed {

    @Id
    public UUID id;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    /** Position in the instrument's order. */
    @Column(nullable = false)
    public int ordinal;

    /** SDOHCC category code. */
    @Column(nullable = false)
    public String category;

    /** LOINC codes of the questions that made the need positive. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> evidence;

    /** An interpersonal-safety need: reviewed before any referral, the person not contacted meanwhile. */
    @Column(nullable = false)
    public boolean sensitive;
}
