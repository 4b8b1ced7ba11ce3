package org.careloop.notification.email.template;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.careloop.notification.delivery.Notice;

/**
 * What an e-mail template may show of a notice: ids, codes in the recipient's words, times and links. Nothing else
 * reaches a template, so no template can show personal data.
 *
 * @param noticeId the notice
 * @param organizationId the organization told
 * @param referralId the referral
 * @param category the SDOHCC category in words
 * @param status the referral's status in words
 * @param previousStatus the status before in words, null when none
 * @param reason the status reason in words, null when none
 * @param outcome the outcome in words, null when none
 * @param attempt which attempt at the need the referral is, null when unknown
 * @param occurredAt when it happened, UTC, e.g. {@code 2026-12-03 08:47 UTC}
 * @param referralUrl where the referral is read (sign-in required)
 * @param settingsUrl where the organization changes its e-mail settings
 */
public record EmailModel(
        UUID noticeId,
        String organizationId,
        UUID referralId,
        String category,
        String status,
        String previousStatus,
        String reason,
        String outcome,
        Integer attempt,
        String occurredAt,
        URI referralUrl,
        String settingsUrl) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public static EmailModel of(Notice notice, String language, String settingsUrl) {
        NoticeWords words = NoticeWords.of(language);
        return new EmailModel(
                notice.id(),
                notice.organizationId(),
                notice.referralId(),
                words.category(notice.category()),
                words.status(notice.status()),
                words.status(notice.previousStatus()),
                words.reason(notice.statusReasonCode()),
                words.outcome(notice.outcome()),
                notice.attempt(),
                notice.occurredAt() == null
                        ? null
                        : TIME.format(notice.occurredAt().atOffset(ZoneOffset.UTC)),
                notice.referralUrl(),
                settingsUrl);
    }
}
