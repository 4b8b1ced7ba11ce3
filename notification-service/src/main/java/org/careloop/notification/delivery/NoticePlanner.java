package org.careloop.notification.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.chase.ChaseTimer;

/**
 * Who is told what: the notices a referral change or a fired chase gives. The referring clinic hears of every status
 * change of its referrals (with the outcome once completed); the organization a referral is sent to hears that it was
 * sent, of every later status change if it wants, and of its reminders, recalls, outcome-update requests and
 * contact-window warnings. Escalations go to coordinators, who watch the work queue, not to an organization.
 */
public final class NoticePlanner {

    private NoticePlanner() {}

    /** The notices of an applied (newer) referral change. A change that keeps the status (a re-send) tells nobody. */
    public static List<Notice> forChange(ReferralUpdated event, URI linkBase) {
        if (Objects.equals(event.previousStatus(), event.status())) {
            return List.of();
        }
        List<Notice> notices = new ArrayList<>(3);
        notices.add(notice(
                NoticeTypes.REFERRAL_STATUS_CHANGED,
                event.requesterOrganizationId(),
                ActorRoles.REQUESTER,
                event,
                linkBase));
        String owner = event.ownerOrganizationId();
        if (owner != null && !owner.isBlank()) {
            if (ReferralStatusCodes.REQUESTED.equals(event.status())) {
                notices.add(notice(NoticeTypes.REFERRAL_REQUESTED, owner, ActorRoles.OWNER, event, linkBase));
            }
            if (!owner.equals(event.requesterOrganizationId())) {
                notices.add(notice(NoticeTypes.REFERRAL_STATUS_CHANGED, owner, ActorRoles.OWNER, event, linkBase));
            }
        }
        return notices;
    }

    /** The notice of a fired chase, if it tells an organization anything. */
    public static Optional<Notice> forChase(ChaseTimer timer, URI linkBase) {
        if (timer.ownerOrganizationId == null || timer.ownerOrganizationId.isBlank()) {
            return Optional.empty();
        }
        String type;
        String status = null;
        switch (timer.kind) {
            case REMIND -> {
                type = NoticeTypes.REFERRAL_REMINDER;
                status = ReferralStatusCodes.REQUESTED;
            }
            case RECALL -> {
                type = NoticeTypes.REFERRAL_RECALLED;
                status = ReferralStatusCodes.REQUESTED;
            }
            case OUTCOME_UPDATE -> type = NoticeTypes.REFERRAL_OUTCOME_UPDATE_REQUESTED;
            case CONTACT_WINDOW_WARNING -> type = NoticeTypes.REFERRAL_CONTACT_WINDOW_WARNING;
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Notice(
                UUID.randomUUID(),
                type,
                timer.ownerOrganizationId,
                ActorRoles.OWNER,
                timer.referralId,
                timer.needId,
                timer.referralVersion,
                status,
                null,
                null,
                null,
                timer.category,
                timer.requesterOrganizationId,
                timer.ownerOrganizationId,
                null,
                null,
                timer.firedAt,
                link(linkBase, timer.referralId)));
    }

    private static Notice notice(
            String type, String organizationId, String audience, ReferralUpdated event, URI linkBase) {
        return new Notice(
                UUID.randomUUID(),
                type,
                organizationId,
                audience,
                event.referralId(),
                event.needId(),
                event.version(),
                event.status(),
                event.previousStatus(),
                event.statusReasonCode(),
                event.outcome(),
                event.category(),
                event.requesterOrganizationId(),
                event.ownerOrganizationId(),
                event.serviceId(),
                event.attemptOrFirst(),
                event.updatedAt(),
                link(linkBase, event.referralId()));
    }

    static URI link(URI base, UUID referralId) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + referralId);
    }
}
