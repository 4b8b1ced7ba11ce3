package org.careloop.screening.screening;

import java.util.Optional;

/**
 * Which screenings a list or lookup may return.
 *
 * @param personRef only this person's screenings, if present
 * @param organizationId only screenings requested by this organization, if present; empty means every organization
 */
public record ScreeningQuery(Optional<String> personRef, Optional<String> organizationId) {}
