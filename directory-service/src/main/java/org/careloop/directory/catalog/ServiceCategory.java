package org.careloop.directory.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * CareLoop's mapping of an HSDS service to an SDOHCC category code: the need a service addresses. HSDS leaves
 * classification to attributes and taxonomies; this table is the attribute set matching reads.
 */
@Entity
@Table(name = "service_category")
@IdClass(ServiceCategory.Key.class)
public class ServiceCategory {

    @Id
    @Column(name = "service_id")
    public String serviceId;

    @Id
    public String category;

    public ServiceCategory() {}

    public ServiceCategory(String serviceId, String category) {
        this.serviceId = serviceId;
        this.category = category;
    }

    /** Composite primary key (service_id, category). */
    public static class Key implements Serializable {
        public String serviceId;
        public String category;

        public Key() {}

        public Key(String serviceId, String category) {
            this.serviceId = serviceId;
            this.category = category;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(serviceId, k.serviceId) && Objects.equals(category, k.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceId, category);
        }
    }
}
