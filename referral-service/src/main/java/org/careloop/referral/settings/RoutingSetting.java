package org.careloop.referral.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A clinic's routing mode for one SDOHCC category; a category without a row is {@code auto}. */
@Entity
@Table(name = "routing_setting")
@IdClass(RoutingSetting.Key.class)
public class RoutingSetting {

    @Id
    @Column(name = "organization_id")
    private String organizationId;

    @Id
    private String category;

    @Column(nullable = false)
    private String mode;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected RoutingSetting() {}

    public static RoutingSetting of(
            String organizationId, String category, RoutingMode mode, Instant now, String updatedBy) {
        RoutingSetting setting = new RoutingSetting();
        setting.organizationId = organizationId;
        setting.category = category;
        setting.mode = mode.code();
        setting.updatedAt = now;
        setting.updatedBy = updatedBy;
        return setting;
    }

    public String organizationId() {
        return organizationId;
    }

    public String category() {
        return category;
    }

    public RoutingMode mode() {
        return RoutingMode.fromCode(mode).orElse(RoutingMode.AUTO);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    /** The primary key: organization and category. */
    public static class Key implements Serializable {
        private String organizationId;
        private String category;

        public Key() {}

        public Key(String organizationId, String category) {
            this.organizationId = organizationId;
            this.category = category;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(organizationId, k.organizationId)
                    && Objects.equals(category, k.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, category);
        }
    }
}
