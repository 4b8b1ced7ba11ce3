package org.careloop.directory.hsds;

import io.vertx.mutiny.sqlclient.Pool;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The directory the HSDS API tests read, written once per test run with ids of its own (test classes share one
 * database): two organizations, six services around a postal code of a place no other test uses, a taxonomy.
 *
 * <pre>
 * org A: 1-pantry   location 1 km N of "near", address in near, no service area, tagged pantry, capacity, phone
 *        2-clinic   location 0.5 km N of near, address in "far", no service area, alternate_name "Advocacy Desk"
 *        3-shelter  location 3 km N of near, service area covering near
 * org B: 1-mobile   location 50 km N of near, no service area, tagged food    (org B itself is tagged org-term)
 *        2-elsewhere location 2 km N of near, address in near, service area covering far only
 *        3-bare     no location, nothing
 * </pre>
 */
public final class HsdsTestData {

    private static HsdsTestData seeded;

    public final String tag;
    public final String orgA;
    public final String orgB;
    /** A word only org B's name has. */
    public final String orgBWord;

    public final String pantry;
    public final String clinic;
    public final String shelter;
    public final String mobile;
    public final String elsewhere;
    public final String bare;
    public final String pantrySal;
    public final String clinicSal;
    public final String shelterSal;

    public final String taxonomy;
    /** A word only our taxonomy's name has. */
    public final String taxonomyWord;

    public final String food;
    public final String pantryTerm;
    public final String orgTerm;

    /** Postal codes (upper case), near: the centre; far: 20 km south. */
    public final String near;

    public final String far;

    private HsdsTestData() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        String letters = letters(tag);
        orgA = "hsa-" + tag;
        orgB = "hsb-" + tag;
        orgBWord = "quillfeather" + letters;
        pantry = orgA + "-1-pantry";
        clinic = orgA + "-2-clinic";
        shelter = orgA + "-3-shelter";
        mobile = orgB + "-1-mobile";
        elsewhere = orgB + "-2-elsewhere";
        bare = orgB + "-3-bare";
        pantrySal = pantry + "-at-" + pantry + "-loc";
        clinicSal = clinic + "-at-" + clinic + "-loc";
        shelterSal = shelter + "-at-" + shelter + "-loc";
        taxonomy = "tx-" + tag;
        taxonomyWord = "taxo" + letters;
        food = taxonomy + "-food";
        pantryTerm = taxonomy + "-pantry";
        orgTerm = taxonomy + "-charity";
        near = "N" + tag.toUpperCase(Locale.ROOT);
        far = "F" + tag.toUpperCase(Locale.ROOT);
    }

    /** The data, written on first use. */
    public static synchronized HsdsTestData seeded(Pool database) {
        if (seeded == null) {
            HsdsTestData data = new HsdsTestData();
            data.write(new HsdsFixture(database));
            seeded = data;
        }
        return seeded;
    }

    private void write(HsdsFixture db) {
        // somewhere in the South Pacific, away from any other test's data; 0.009 degrees of latitude ~ 1 km
        double lat = -40 - ThreadLocalRandom.current().nextDouble(5);
        double lon = -140 - ThreadLocalRandom.current().nextDouble(5);
        double km = 1 / 111.2;
        db.postalCode(near, lat, lon);
        db.postalCode(far, lat - 20 * km, lon);

        db.organization(orgA, "Harbor Community Services", "Food, shelter and legal help.");
        db.organization(orgB, "Quillfeather Helpers " + orgBWord, "Mobile services.");
        db.service(
                pantry, orgA, "Harbor Pantry", "Groceries for families every week.", null, "2021-06-01T12:30:00.123Z");
        db.service(clinic, orgA, "Legal Clinic", "Tenancy advice.", "Advocacy Desk", "2020-01-01T00:00:00Z");
        db.service(shelter, orgA, "Night Shelter", "Beds for the night.", null, "2020-01-01T00:00:00Z");
        db.service(mobile, orgB, "Mobile Market", "Fresh produce van.", null, "2020-01-01T00:00:00Z");
        db.service(elsewhere, orgB, "Outreach Van", "Visits homes.", null, "2020-01-01T00:00:00Z");
        db.service(bare, orgB, "Phone Line", "Call us.", null, "2020-01-01T00:00:00Z");

        db.serviceAt(pantry, orgA, pantry + "-loc", lat + km, lon, near);
        db.serviceAt(clinic, orgA, clinic + "-loc", lat + 0.5 * km, lon, far);
        db.serviceAt(shelter, orgA, shelter + "-loc", lat + 3 * km, lon, "X" + tag);
        db.serviceAt(mobile, orgB, mobile + "-loc", lat + 50 * km, lon, "X" + tag);
        db.serviceAt(elsewhere, orgB, elsewhere + "-loc", lat + 2 * km, lon, near);

        db.serviceArea(shelter, near);
        db.covers(shelter, near);
        db.serviceArea(elsewhere, far);
        db.covers(elsewhere, far);

        db.phoneWithLanguage(pantry, "es");
        db.weeklySchedule(pantry);
        db.capacity(pantry, 10, 3, 20);

        db.taxonomy(taxonomy, "Test taxonomy " + taxonomyWord);
        db.term(food, taxonomy, null, "F", "Food");
        db.term(pantryTerm, taxonomy, food, "F-1", "Pantry");
        db.term(orgTerm, taxonomy, null, "C", "Charity");
        db.tag("service", pantry, pantryTerm);
        db.tag("service", mobile, food);
        db.tag("organization", orgB, orgTerm);
    }

    private static String letters(String hex) {
        StringBuilder out = new StringBuilder();
        for (char c : hex.toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString();
    }
}
