package org.careloop.directory.matching;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test fixtures for matching by place: a postal code of its own for each test, far out at sea so that no other test's
 * service is near it, and HSDS rows (locations, service areas, languages) inserted with SQL.
 */
public final class Places {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double KM_PER_DEGREE = 111.195;

    private final Pool database;

    public Places(Pool database) {
        this.database = database;
    }

    /**
     * A postal code and its centroid.
     *
     * @param code 5 digits (00000-00499: no real ZIP code)
     * @param latitude centroid latitude
     * @param longitude centroid longitude
     * @param locality a locality name no other test uses, in state ZZ
     */
    public record Place(String code, double latitude, double longitude, String locality) {

        /** The latitude {@code km} kilometres north of the centroid. */
        public double north(double km) {
            return latitude + km / KM_PER_DEGREE;
        }
    }

    /** A new postal code with its centroid somewhere in the Pacific, in locality {@code Testville-xxxx, ZZ}. */
    public Place newPlace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String code = String.format("%05d", random.nextInt(500));
            double latitude = -10 + random.nextDouble(20);
            double longitude = -170 + random.nextDouble(30);
            String locality = "Testville-" + UUID.randomUUID().toString().substring(0, 8);
            int inserted = database.preparedQuery("insert into postal_code (country, code, locality, county, state,"
                            + " latitude, longitude) values ('US', $1, $2, $3, 'ZZ', $4, $5) on conflict do nothing")
                    .execute(Tuple.of(code, locality, locality + " County", latitude, longitude))
                    .await()
                    .atMost(TIMEOUT)
                    .rowCount();
            if (inserted == 1) {
                return new Place(code, latitude, longitude, locality);
            }
        }
    }

    /** A physical location of the service at the given coordinates, linked by a service_at_location. */
    public String locate(String serviceId, double latitude, double longitude) {
        String location = UUID.randomUUID().toString();
        String organization = single("select organization_id from service where id = $1", serviceId);
        execute(
                "insert into location (id, organization_id, location_type, name, latitude, longitude, doc,"
                        + " last_modified) values ($1, $2, 'physical', 'Site', $3, $4, jsonb_build_object('id', $1::text,"
                        + " 'location_type', 'physical'), now())",
                Tuple.of(location, organization, latitude, longitude));
        execute(
                "insert into service_at_location (id, service_id, location_id, doc)"
                        + " values ($1, $2, $3, jsonb_build_object('id', $1::text))",
                Tuple.of(UUID.randomUUID().toString(), serviceId, location));
        refresh(serviceId);
        return location;
    }

    /** A service area of the service; then its coverage is refreshed. */
    public void area(String serviceId, String name, String extent, String extentType) {
        execute(
                "insert into service_area (id, service_id, name, extent, extent_type, doc)"
                        + " values ($1, $2, $3, $4, $5, jsonb_build_object('id', $1::text))",
                Tuple.of(UUID.randomUUID().toString(), serviceId, name, extent, extentType));
        execute("select refresh_service_coverage(array[$1])", Tuple.of(serviceId));
    }

    /** A GeoJSON polygon: a square of {@code halfSideKm} around a point. */
    public static String square(double latitude, double longitude, double halfSideKm) {
        double d = halfSideKm / KM_PER_DEGREE;
        return """
                {"type": "Polygon", "coordinates": [[[%2$f, %1$f], [%3$f, %1$f], [%3$f, %4$f], [%2$f, %4$f], [%2$f, %1$f]]]}""".formatted(latitude - d, longitude - d, longitude + d, latitude + d);
    }

    /** A language spoken at the service. */
    public void speaks(String serviceId, String code, String name) {
        execute(
                "insert into language (id, service_id, code, name, doc) values ($1, $2, $3, $4,"
                        + " jsonb_build_object('id', $1::text))",
                Tuple.of(UUID.randomUUID().toString(), serviceId, code, name));
        refresh(serviceId);
    }

    /** A language spoken at a location. */
    public void speaksAt(String locationId, String code, String name) {
        execute(
                "insert into language (id, location_id, code, name, doc) values ($1, $2, $3, $4,"
                        + " jsonb_build_object('id', $1::text))",
                Tuple.of(UUID.randomUUID().toString(), locationId, code, name));
        execute(
                "select refresh_match_index(array(select service_id from service_at_location where location_id = $1))",
                Tuple.of(locationId));
    }

    /** Sets interpretation_services of the service. */
    public void interprets(String serviceId, String text) {
        execute("update service set interpretation_services = $2 where id = $1", Tuple.of(serviceId, text));
        refresh(serviceId);
    }

    /** Sets the service's own radius (careloop_radius_km in its doc). */
    public void radius(String serviceId, double km) {
        execute(
                "update service set doc = doc || jsonb_build_object('careloop_radius_km', $2::float8) where id = $1",
                Tuple.of(serviceId, km));
        refresh(serviceId);
    }

    /**
     * Recomputes the match index of the service (V10), as an import does after writing: these helpers write HSDS rows
     * with SQL, beside the import.
     */
    public void refresh(String serviceId) {
        execute("select refresh_match_index(array[$1])", Tuple.of(serviceId));
    }

    public void execute(String sql, Tuple args) {
        database.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
    }

    private String single(String sql, String arg) {
        return database.preparedQuery(sql)
                .execute(Tuple.of(arg))
                .await()
                .atMost(TIMEOUT)
                .iterator()
                .next()
                .getString(0);
    }
}
