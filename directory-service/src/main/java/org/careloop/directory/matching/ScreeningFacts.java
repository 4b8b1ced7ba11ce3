package org.careloop.directory.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The routing facts {@code screening-completed} gave about a person, kept under the screening's id so that a later
 * {@code match-requested} for one of its needs matches with the same facts. Nothing else about the person.
 */
@Entity
@Table(name = "screening_facts")
public class ScreeningFacts {

    @Id
    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "postal_code")
    public String postalCode;

    @Column(name = "age_band")
    public String ageBand;

    public String language;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public Person person() {
        return new Person(postalCode, ageBand, language);
    }
}
