package org.careloop.notification.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An organization's e-mail opt-in: where its notices go, in which language, for which notice types. */
@Entity
@Table(name = "email_settings")
public class EmailSettings {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    /** The organization's contact address (an organization's, not a person's); never logged in full. */
    public String address;

    public boolean enabled;

    public String language;

    /** Comma-separated notice types, in the order of {@code NoticeTypes.ALL}; empty when none. */
    public String types;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Who stored it: the caller's user name. */
    @Column(name = "updated_by")
    public String updatedBy;

    public EmailSettings() {}

    public List<String> typeList() {
        return types == null || types.isBlank()
                ? List.of()
                : Arrays.stream(types.split(",")).map(String::strip).toList();
    }

    /** Whether a notice of the type goes out by e-mail to this organization. */
    public boolean wants(String type) {
        return enabled && typeList().contains(type);
    }
}
