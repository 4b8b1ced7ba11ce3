package org.careloop.screening.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The answer codes given to one question of a screening. */
@Entity
@Table(name = "screening_answer")
public class ScreeningAnswer {

    @Id
    public UUID id;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    /** Position in the submitted screening, so answers read back in the order they were given. */
    @Column(nullable = false)
    public int ordinal;

    /** LOINC code of the question. */
    @Column(nullable = false)
    public String question;

    /** LOINC answer codes; several for a multi-select question. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "answer_codes", nullable = false)
    public List<String> answerCodes;
}
