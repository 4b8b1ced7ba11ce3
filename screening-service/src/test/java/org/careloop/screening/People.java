package org.careloop.screening;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.testing.Tokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Screenings with people in them, callers, and direct database access for the privacy tests. */
public final class People {

    public static final String SCREENINGS = "/api/v1/screenings";
    public static final String PROBLEM = "application/problem+json";
    public static final String FOOD = "88122-7";
    public static final String OFTEN_TRUE = "LA28397-0";

    private People() {}

    public static String newPatientId() {
        return "patient-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    /** A person with every detail filled in. */
    public static Map<String, Object> maria() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenName", "Maria");
        person.put("familyName", "Lopez-Secret");
        person.put("birthDate", "1988-04-02");
        person.put("preferredLanguage", "es");
        person.put("phone", "+16175550142");
        person.put("email", "maria.lopez@example.org");
        person.put(
                "address",
                Map.of(
                        "lines",
                        List.of("12 Hidden Lane"),
                        "city",
                        "Boston",
                        "state",
                        "MA",
                        "postalCode",
                        "02118",
                        "country",
                        "US"));
        person.put("preferredContactMethod", "sms");
        person.put("preferredContactTimes", "weekday mornings");
        return person;
    }

    /** A consented food screening of {@code patientId} with {@code person} (null for none). */
    public static Map<String, Object> screening(
            String patientId, Map<String, Object> person, Map<String, Object> consent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId);
        body.put("instrument", "AHC-HRSN");
        body.put("answers", List.of(Map.of("question", FOOD, "answers", List.of(OFTEN_TRUE))));
        body.put("consent", consent == null ? Map.of("shareWithCommunityOrganizations", true) : consent);
        if (person != null) {
            body.put("person", person);
        }
        return body;
    }

    /** Posts a screening as the clinic's clinician; returns its person reference. */
    public static String screen(String patientId, Map<String, Object> person, Map<String, Object> consent) {
        return as("clinician")
                .body(screening(patientId, person, consent))
                .post(SCREENINGS)
                .then()
                .statusCode(201)
                .extract()
                .path("personRef");
    }

    public static long count(String sql) {
        return query(sql, rs -> rs.getLong(1));
    }

    public static String text(String sql) {
        return query(sql, rs -> rs.getString(1));
    }

    /** Runs SQL on the service's database over JDBC, outside the service. */
    public static void execute(String sql) {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(String sql, Column<T> column) {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? column.read(rs) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }
}
