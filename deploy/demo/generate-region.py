#!/usr/bin/env python3
"""Generates the demo region's directory: Open Referral HSDS 3.1 for Greater Boston (see deploy/demo/README.md).

Deterministic (seeded), Python 3.11 standard library only. The same --seed and --services give the same bytes.

  deploy/demo/generate-region.py                     writes deploy/demo/region/boston-hsds.json (nested, demo size)
  deploy/demo/generate-region.py --services 100000 --compact -o /tmp/bench.json   streams a large directory
  deploy/demo/generate-region.py --form flat -o F    object of arrays keyed by datapackage table name
  deploy/demo/generate-region.py --write-migration   regenerates V7__demo_region_postal_codes.sql from the CSV
  deploy/demo/generate-region.py --check             the committed JSON and V7 are what this script generates now
"""

import argparse
import csv
import io
import json
import math
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
POSTAL_CODES_CSV = os.path.join(HERE, "region", "postal-codes.csv")
DEMO_OUTPUT = os.path.join(HERE, "region", "boston-hsds.json")
# Only the 10 organizations and 12 services of directory.json, in HSDS: a directory whose matching the system tests
# can predict (generate-region.py --services 12 -o deploy/demo/region/core-hsds.json).
CORE_OUTPUT = os.path.join(HERE, "region", "core-hsds.json")
CORE_SERVICES = 12
V1_DEMO = os.path.join(HERE, "directory.json")
SCHEMA_DIR = os.path.join(ROOT, "directory-service", "src", "main", "resources", "hsds", "3.1", "schema")
MIGRATION = os.path.join(
    ROOT, "directory-service", "src", "main", "resources", "db", "migration", "V7__demo_region_postal_codes.sql")

DEFAULT_SERVICES = 450
DEFAULT_SEED = 8

# ---------------------------------------------------------------- the CareLoop taxonomy (as V3 creates it)

CARELOOP_TAXONOMY_ID = "c0a1e000-0000-4000-8000-000000000001"
CARELOOP_TAXONOMY = {
    "id": CARELOOP_TAXONOMY_ID,
    "name": "CareLoop need categories",
    "description": "Health-related social need categories (HL7 SDOH Clinical Care value set) that CareLoop matches on.",
    "uri": "https://careloop.org/taxonomies/needs",
    "version": "1",
}
NEED_CATEGORIES = [
    "sdoh-category-unspecified", "food-insecurity", "housing-instability", "homelessness", "inadequate-housing",
    "transportation-insecurity", "financial-insecurity", "material-hardship", "educational-attainment",
    "employment-status", "veteran-status", "stress", "social-connection", "intimate-partner-violence", "elder-abuse",
    "personal-health-literacy", "health-insurance-coverage-status", "medical-cost-burden", "digital-literacy",
    "digital-access", "utility-insecurity", "incarceration-status", "language-access", "protective-factor",
]


def careloop_term(code):
    term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://careloop.org/taxonomies/needs/" + code))
    name = code.replace("-", " ").title()  # PostgreSQL initcap(replace(code, '-', ' ')) for these codes
    return {
        "id": term_id,
        "code": code,
        "name": name,
        "description": "Services that address " + code.replace("-", " ") + ".",
        "taxonomy_id": CARELOOP_TAXONOMY_ID,
        "term_uri": "https://careloop.org/taxonomies/needs/" + code,
    }


# Open Eligibility (openreferral/openeligibility): the directory's default need mapping maps these names.
OE_TAXONOMY_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/openreferral/openeligibility"))
OE_TAXONOMY = {
    "id": OE_TAXONOMY_ID,
    "name": "Open Eligibility",
    "description": "Open Eligibility, an open taxonomy of human services and the people they serve.",
    "uri": "https://github.com/openreferral/openeligibility",
    "version": "1.0",
}
OE_TERMS = {  # need category -> Open Eligibility term
    "food-insecurity": "Food Pantry",
    "homelessness": "Emergency Shelter",
    "utility-insecurity": "Help Pay for Utilities",
    "transportation-insecurity": "Transportation",
}


def oe_term(name):
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/openreferral/openeligibility/" + name)),
        "name": name,
        "description": "Open Eligibility service type: " + name + ".",
        "taxonomy_id": OE_TAXONOMY_ID,
    }


# ---------------------------------------------------------------- what services of each category look like

# weight (share of services), capacity unit, organization kinds, service names, age rule
CATEGORY_PROFILES = {
    "food-insecurity": (4, "household", ["Food Pantry", "Community Fridge", "Hunger Relief Network"],
                        ["Weekly Food Pantry", "Mobile Market", "Hot Meals Program", "SNAP Application Help"], None),
    "housing-instability": (3, "household", ["Housing Partnership", "Tenant Resource Center"],
                            ["Eviction Prevention", "Rental Assistance", "Tenant Legal Clinic"], "adult"),
    "homelessness": (2, "bed", ["Shelter Collaborative", "Housing First Network"],
                     ["Emergency Shelter Beds", "Street Outreach", "Rapid Rehousing"], "adult"),
    "inadequate-housing": (1, "home", ["Home Repair Alliance"], ["Lead and Mold Remediation", "Healthy Homes Repairs"],
                           None),
    "transportation-insecurity": (3, "ride", ["Ride Assist", "Community Transit"],
                                  ["Medical Rides", "Reduced-Fare Pass Help", "Volunteer Drivers"], None),
    "financial-insecurity": (1, "appointment", ["Financial Opportunity Center"],
                             ["Free Tax Preparation", "Financial Coaching", "Benefits Screening"], "adult"),
    "material-hardship": (1, "household", ["Community Closet"], ["Clothing and Diapers", "Furniture Bank"], None),
    "educational-attainment": (1, "seat", ["Learning Center"], ["Adult Basic Education", "HiSET Preparation",
                                                                 "After-School Tutoring"], "youth-or-adult"),
    "employment-status": (1, "seat", ["Career Center", "Workforce Partnership"],
                          ["Job Readiness Training", "Career Coaching", "Youth Summer Jobs"], "working-age"),
    "veteran-status": (1, "client", ["Veterans Services"], ["Veterans Benefits Navigation", "Veterans Peer Support"],
                       "adult"),
    "stress": (1, "appointment", ["Counseling Center"], ["Walk-In Counseling", "Caregiver Support Group"], None),
    "social-connection": (1, "seat", ["Neighborhood House", "Senior Center"],
                          ["Friendly Visitor Program", "Community Meals and Activities"], "senior-or-none"),
    "intimate-partner-violence": (1, "client", ["Safe Home Advocates"],
                                  ["Domestic Violence Advocacy", "Safety Planning Hotline"], "teen-and-up"),
    "elder-abuse": (1, "client", ["Elder Services"], ["Elder Protective Services", "Elder Abuse Prevention"], "senior"),
    "personal-health-literacy": (1, "seat", ["Health Education Project"],
                                 ["Community Health Workers", "Medication Management Classes"], None),
    "health-insurance-coverage-status": (1, "appointment", ["Health Access Program"],
                                         ["MassHealth Enrollment Help", "Health Insurance Navigators"], None),
    "medical-cost-burden": (1, "client", ["Patient Advocacy Network"],
                            ["Medical Bill Assistance", "Prescription Assistance"], None),
    "digital-literacy": (1, "seat", ["Tech Goes Home Partner"], ["Digital Skills Classes", "Computer Basics"], None),
    "digital-access": (1, "device", ["Digital Equity Coalition"], ["Free Laptops and Hotspots", "Low-Cost Internet Sign-Up"],
                       None),
    "utility-insecurity": (3, "household", ["Energy Assistance Program", "Fuel Assistance Office"],
                           ["Fuel Assistance", "Utility Shut-Off Protection", "Weatherization"], None),
    "incarceration-status": (1, "client", ["Reentry Center"], ["Reentry Case Management", "CORI Sealing Clinic"],
                             "adult"),
    "language-access": (1, "seat", ["Immigrant Learning Center"], ["ESOL Classes", "Interpreter Services"], None),
    "protective-factor": (1, "seat", ["Youth Development Center", "Family Center"],
                          ["Parenting Circle", "Youth Mentoring"], "youth-or-none"),
    "sdoh-category-unspecified": (1, "client", ["Community Action Agency", "Multi-Service Center"],
                                  ["Information and Referral", "Case Management"], None),
}
RELATED = {  # a second category some services of the first also address
    "housing-instability": "homelessness", "homelessness": "housing-instability", "food-insecurity": "financial-insecurity",
    "utility-insecurity": "financial-insecurity", "inadequate-housing": "utility-insecurity",
    "employment-status": "educational-attainment", "digital-access": "digital-literacy", "stress": "social-connection",
    "medical-cost-burden": "health-insurance-coverage-status", "elder-abuse": "social-connection",
}

LANGUAGES = [("en", "English"), ("es", "Spanish"), ("pt", "Portuguese"), ("ht", "Haitian Creole"), ("zh", "Chinese"),
             ("vi", "Vietnamese")]
# Base share of services speaking each language, and localities where it is more common.
LANGUAGE_SHARES = {"es": (0.28, {"Chelsea", "Lawrence", "Revere", "Everett", "Lynn", "Boston", "Framingham"}),
                   "pt": (0.10, {"Framingham", "Somerville", "Everett", "Lowell", "Marlborough", "Malden", "Hudson"}),
                   "ht": (0.10, {"Boston", "Brockton", "Randolph", "Malden", "Everett", "Cambridge"}),
                   "zh": (0.07, {"Quincy", "Malden", "Boston", "Lexington", "Newton", "Brookline"}),
                   "vi": (0.05, {"Boston", "Quincy", "Lowell", "Randolph", "Lynn"})}
INTERPRETATION = [
    "Telephone interpretation in more than 200 languages through a language line, free of charge.",
    "Staff interpreters for Spanish and Portuguese; other languages by phone interpreter.",
    "Interpreters (including ASL) on request; please tell us when you call.",
]
SCHEDULES = [("MO,TU,WE,TH,FR", "09:00:00", "17:00:00", "Monday to Friday, 9am to 5pm"),
             ("MO,WE,FR", "10:00:00", "14:00:00", "Monday, Wednesday and Friday, 10am to 2pm"),
             ("TU,TH", "16:00:00", "19:00:00", "Tuesday and Thursday, 4pm to 7pm"),
             ("MO,TU,WE,TH", "08:30:00", "16:30:00", "Monday to Thursday, 8:30am to 4:30pm")]
SATURDAY = ("SA", "09:00:00", "12:00:00", "Saturday, 9am to noon")
STREETS = ["Washington St", "Main St", "Centre St", "Broadway", "Elm St", "Warren St", "Blue Hill Ave",
           "Massachusetts Ave", "Highland Ave", "School St", "Pleasant St", "Union St", "Essex St", "Summer St",
           "Harvard St", "Columbia Rd", "Dudley St", "Hancock St", "Franklin St", "Central St"]
AREA_CODES = {"Suffolk": ["617", "857"], "Middlesex": ["617", "781", "978"], "Norfolk": ["781", "617", "508"],
              "Essex": ["978", "781"], "Plymouth": ["508", "781"]}
COUNTIES = ["Suffolk", "Middlesex", "Norfolk", "Essex", "Plymouth"]
COUNTY_WEIGHT = {"Suffolk": 4, "Middlesex": 3, "Norfolk": 2, "Essex": 2, "Plymouth": 1}

# The demo services of deploy/demo/directory.json: Boston site (postal code) and the languages they speak.
DEMO_SITES = {
    "org-foodbank": "02119", "org-northside-pantry": "02129", "org-housing": "02118", "org-transit": "02125",
    "org-utility": "02124", "org-safe-harbor": "02130", "org-community-action": "02121", "org-harbor-shelter": "02127",
    "org-neighbor-rides": "02136", "org-family-justice": "02126",
}
DEMO_AREA = "; ".join(c + " County, MA" for c in COUNTIES)
CAPACITY_UPDATED_DEMO = "2026-12-01T08:00:00.000Z"


def uid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "https://careloop.org/demo/boston/" + "/".join(str(p) for p in parts)))


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_postal_codes():
    with open(POSTAL_CODES_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["lat"] = float(r["latitude"])
        r["lon"] = float(r["longitude"])
    return rows


def distance_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


# ---------------------------------------------------------------- the generator


class Region:
    """The whole directory as a stream of organizations, each with its services and everything they link."""

    def __init__(self, services, seed):
        self.total = services
        self.rng = random.Random(seed)
        self.seed = seed
        self.codes = load_postal_codes()
        self.by_code = {c["code"]: c for c in self.codes}
        self.nearest = {c["code"]: sorted(self.codes, key=lambda o: distance_km(c, o))[1:13] for c in self.codes}
        self.by_county = {k: [c for c in self.codes if c["county"] == k] for k in COUNTIES}
        self.localities = {}
        for c in self.codes:
            self.localities.setdefault((c["county"], c["locality"]), []).append(c)
        weighted = []
        for code in NEED_CATEGORIES:
            weighted += [code] * CATEGORY_PROFILES[code][0]
        random.Random(seed).shuffle(weighted)
        self.cycle = weighted
        self.units = {}
        self.terms = {}
        self.names = set()
        with open(V1_DEMO, encoding="utf-8") as f:
            self.partner_categories = {c for o in json.load(f)["organizations"] for s in o["services"]
                                       for c in s["categories"]}

    # -- helpers

    def pick_code(self):
        county = self.rng.choices(COUNTIES, weights=[COUNTY_WEIGHT[c] for c in COUNTIES])[0]
        return self.rng.choice(self.by_county[county])

    def unit(self, name):
        unit = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://careloop.org/units/" + name)), "name": name}
        self.units[name] = unit
        return unit

    def phone(self, key, owner_field, owner_id, county, description):
        rng = self.rng
        number = "(%s) 555-01%02d" % (rng.choice(AREA_CODES[county]), rng.randrange(100))
        return {"id": uid(key, "phone"), owner_field: owner_id, "number": number, "type": "voice",
                "description": description}

    def location(self, key, org, code, name):
        rng = self.rng
        lat = round(code["lat"] + rng.uniform(-0.006, 0.006), 6)
        lon = round(code["lon"] + rng.uniform(-0.008, 0.008), 6)
        loc_id = uid(key, "location")
        address = {"id": uid(key, "address"), "location_id": loc_id,
                   "address_1": "%d %s" % (rng.randrange(1, 1200), rng.choice(STREETS)), "city": code["locality"],
                   "state_province": code["state"], "postal_code": code["code"], "country": "US",
                   "address_type": "physical"}
        return {"id": loc_id, "organization_id": org["id"], "location_type": "physical", "name": name,
                "latitude": lat, "longitude": lon, "addresses": [address]}

    def attribute_careloop(self, service_id, category):
        term = careloop_term(category)
        self.terms[term["id"]] = term
        return {"id": str(uuid.uuid5(uuid.NAMESPACE_URL,
                                     "https://careloop.org/attributes/%s/need_category/%s" % (service_id, category))),
                "link_id": service_id, "link_type": "need_category", "link_entity": "service",
                "taxonomy_term_id": term["id"], "taxonomy_term": dict(term, taxonomy_detail=CARELOOP_TAXONOMY)}

    def attribute_oe(self, service_id, name):
        term = oe_term(name)
        self.terms[term["id"]] = term
        return {"id": str(uuid.uuid5(uuid.NAMESPACE_URL,
                                     "https://careloop.org/attributes/%s/service_type/%s" % (service_id, slug(name)))),
                "link_id": service_id, "link_type": "service_type", "link_entity": "service",
                "taxonomy_term_id": term["id"], "taxonomy_term": dict(term, taxonomy_detail=OE_TAXONOMY)}

    def languages(self, key, service_id, locality, force=None):
        rng = self.rng
        chosen = ["en"]
        for code, (share, places) in LANGUAGE_SHARES.items():
            if force is not None:
                break
            if rng.random() < (share * 2.2 if locality in places else share):
                chosen.append(code)
        if force is not None:
            chosen = force
        names = dict(LANGUAGES)
        return [{"id": uid(key, "language", c), "service_id": service_id, "code": c, "name": names[c]}
                for c in chosen]

    def circle(self, center, radius_km, points=16):
        ring = []
        for i in range(points):
            a = 2 * math.pi * i / points
            dlat = radius_km / 111.32 * math.sin(a)
            dlon = radius_km / (111.32 * math.cos(math.radians(center["lat"]))) * math.cos(a)
            ring.append([round(center["lon"] + dlon, 5), round(center["lat"] + dlat, 5)])
        ring.append(ring[0])
        return json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))

    def service_areas(self, key, service_id, code, location):
        rng = self.rng
        kind = rng.random()
        area = {"id": uid(key, "service_area"), "service_id": service_id}
        if kind < 0.30:  # towns by name
            towns = [code["locality"]]
            for other in self.nearest[code["code"]]:
                if other["locality"] not in towns and other["county"] == code["county"] and len(towns) < 1 + rng.randrange(1, 4):
                    towns.append(other["locality"])
            area.update(name=", ".join(towns), extent="; ".join(t + ", MA" for t in towns), extent_type="text",
                        description="Residents of " + " and ".join(towns) + ".")
        elif kind < 0.50:  # counties by name
            counties = [code["county"]]
            if rng.random() < 0.4:
                counties.append(rng.choice([c for c in COUNTIES if c != code["county"]]))
            area.update(name=" and ".join(c + " County" for c in counties),
                        extent="; ".join(c + " County, MA" for c in counties), extent_type="text",
                        description="Residents of " + " and ".join(c + " County" for c in counties) + ".")
        elif kind < 0.70:  # postal codes
            codes = [code["code"]] + [c["code"] for c in self.nearest[code["code"]][:rng.randrange(3, 9)]]
            area.update(name="ZIP codes " + ", ".join(codes), extent=", ".join(codes), extent_type="text",
                        description="Residents of these ZIP codes.")
        elif kind < 0.90:  # a GeoJSON polygon around the site
            radius = rng.choice([3, 5, 8, 10])
            center = {"lat": location["latitude"], "lon": location["longitude"]}
            area.update(name="Within about %d km of %s" % (radius, location["name"]),
                        extent=self.circle(center, radius), extent_type="geojson")
        else:
            return []  # no service area: where it serves follows from its locations
        return [area]

    def age_rule(self, rule):
        rng = self.rng
        x = rng.random()
        if rule == "adult":
            return 18, None
        if rule == "senior":
            return 60, None
        if rule == "teen-and-up":
            return 16, None
        if rule == "working-age":
            return (14, 24) if x < 0.3 else (18, None)
        if rule == "youth-or-adult":
            return (5, 17) if x < 0.4 else (16, None)
        if rule == "youth-or-none":
            return (0, 17) if x < 0.6 else (None, None)
        if rule == "senior-or-none":
            return (60, None) if x < 0.5 else (None, None)
        if x < 0.08:
            return 0, 17
        if x < 0.16:
            return 60, None
        if x < 0.24:
            return 18, None
        return None, None

    @staticmethod
    def eligibility(minimum, maximum, place):
        if minimum is not None and maximum is not None:
            who = "Young people aged %d to %d" % (minimum, maximum) if maximum < 25 else "People aged %d to %d" % (
                minimum, maximum)
        elif minimum == 60:
            who = "Older adults aged 60 and over"
        elif minimum is not None:
            who = "People aged %d and over" % minimum
        else:
            who = "Anyone"
        return "%s living in or near %s. No documents needed to ask for help." % (who, place)

    # -- organizations and services

    def organizations(self):
        """Yields (organization, services) pairs; services are fully nested HSDS services."""
        with open(V1_DEMO, encoding="utf-8") as f:
            demo = json.load(f)["organizations"]
        made = 0
        for org in demo:
            yield self.demo_organization(org)
            made += len(org["services"])
        rest = max(0, self.total - made)
        index = 0
        k = 0
        while index < rest:
            count = min(2 if k % 2 == 0 else 1, rest - index)
            yield self.organization(k, index, count)
            index += count
            k += 1

    def demo_organization(self, o):
        code = self.by_code[DEMO_SITES[o["id"]]]
        org = {k: o[k] for k in ("id", "name", "description", "email", "website")}
        loc = self.location(o["id"], org, code, o["name"] + " (" + code["locality"] + " " + code["code"] + ")")
        org["phones"] = [self.phone(o["id"], "organization_id", o["id"], "Suffolk", "Main office")]
        org["locations"] = [loc]
        services = []
        for s in o["services"]:
            sid = s["id"]
            service = {"id": sid, "organization_id": o["id"], "name": s["name"], "description": s["description"],
                       "status": s["status"], "interpretation_services": INTERPRETATION[0],
                       "eligibility_description": s["eligibility_description"]}
            if s.get("minimum_age") is not None:
                service["minimum_age"] = s["minimum_age"]
            if s.get("maximum_age") is not None:
                service["maximum_age"] = s["maximum_age"]
            service["assured_date"] = s["assured_date"]
            service["phones"] = [self.phone(sid, "service_id", sid, "Suffolk", "Intake line")]
            service["schedules"] = [self.schedule(sid, 0, SCHEDULES[0])]
            service["service_areas"] = [{"id": uid(sid, "service_area"), "service_id": sid,
                                         "name": "Greater Boston", "extent": DEMO_AREA, "extent_type": "text",
                                         "description": "Residents of the five Greater Boston counties."}]
            service["service_at_locations"] = [self.service_at_location(sid, loc)]
            service["languages"] = self.languages(sid, sid, code["locality"], force=["en", "es"])
            c = s.get("capacity")
            if c:
                service["capacities"] = [self.capacity(sid, c["unit"], c["available"], c.get("maximum"),
                                                       CAPACITY_UPDATED_DEMO)]
            service["attributes"] = [self.attribute_careloop(sid, cat) for cat in s["categories"]]
            services.append(service)
        return org, services

    def service_at_location(self, sid, loc):
        return {"id": uid(sid, "service_at_location", loc["id"]), "service_id": sid, "location_id": loc["id"],
                "location": loc}

    def schedule(self, sid, i, pattern):
        byday, opens, closes, text = pattern
        return {"id": uid(sid, "schedule", i), "service_id": sid, "freq": "WEEKLY", "wkst": "MO", "interval": 1,
                "byday": byday, "opens_at": opens, "closes_at": closes, "description": text}

    def capacity(self, sid, unit_name, available, maximum, updated):
        cap = {"id": uid(sid, "capacity"), "service_id": sid, "unit": self.unit(unit_name),
               "unit_id": self.units[unit_name]["id"], "available": available}
        if maximum is not None:
            cap["maximum"] = maximum
        cap["updated"] = updated
        return cap

    def organization(self, k, first_index, count):
        rng = self.rng
        code = self.pick_code()
        categories = [self.cycle[(first_index + j) % len(self.cycle)] for j in range(count)]
        profile = CATEGORY_PROFILES[categories[0]]
        place = code["locality"]
        name = "%s %s" % (place, rng.choice(profile[2]))
        if name in self.names:  # another organization of that kind in that town: tell them apart
            name = "%s %s" % (name, rng.choice(["Inc.", "Collaborative", "Project", "Alliance", "Partners"]))
        if name in self.names:
            name = "%s %d" % (name, k + 1)
        self.names.add(name)
        oid = uid(self.seed, "organization", k)
        org_slug = slug(name)[:40]
        org = {"id": oid, "name": name,
               "description": "%s serves %s and neighboring communities in %s County." % (name, place, code["county"]),
               "email": "info@%s.example.org" % org_slug, "website": "https://%s.example.org" % org_slug,
               "phones": [self.phone(oid, "organization_id", oid, code["county"], "Main office")]}
        locations = [self.location(oid + "/0", org, code, "%s (%s %s)" % (name, place, code["code"]))]
        if rng.random() < 0.4:
            other = rng.choice(self.nearest[code["code"]][:8])
            locations.append(self.location(oid + "/1", org, other,
                                           "%s, %s site (%s)" % (name, other["locality"], other["code"])))
        org["locations"] = locations
        services = [self.service(oid, org, j, first_index + j, categories[j], code, locations) for j in range(count)]
        return org, services

    def service(self, oid, org, j, index, category, code, locations):
        rng = self.rng
        weight, unit, _, names, rule = CATEGORY_PROFILES[category]
        sid = uid(self.seed, "service", index)
        minimum, maximum = self.age_rule(rule)
        name = rng.choice(names)
        status = "temporarily closed" if rng.random() < 0.03 else "active"
        service = {"id": sid, "organization_id": oid, "name": name,
                   "description": "%s by %s for people in %s and nearby." % (name, org["name"], code["locality"]),
                   "url": org["website"] + "/services/" + slug(name), "email": org["email"], "status": status}
        if rng.random() < 0.35:
            service["interpretation_services"] = rng.choice(INTERPRETATION)
        service["application_process"] = rng.choice(["Call or walk in during opening hours.",
                                                      "Call the intake line; we call back within two business days.",
                                                      "Ask your clinic or case manager for a referral."])
        service["eligibility_description"] = self.eligibility(minimum, maximum, code["locality"])
        if minimum is not None:
            service["minimum_age"] = minimum
        if maximum is not None:
            service["maximum_age"] = maximum
        service["assured_date"] = "2026-%02d-%02d" % (rng.randrange(5, 12), rng.randrange(1, 29))
        service["phones"] = [self.phone(sid, "service_id", sid, code["county"], "Intake line")]
        schedules = [self.schedule(sid, 0, rng.choice(SCHEDULES))]
        if rng.random() < 0.2:
            schedules.append(self.schedule(sid, 1, SATURDAY))
        service["schedules"] = schedules
        sals = [locations[0]] if len(locations) == 1 or rng.random() < 0.5 else locations
        service["service_areas"] = self.service_areas(sid, sid, code, locations[0])
        service["service_at_locations"] = [self.service_at_location(sid, loc) for loc in sals]
        service["languages"] = self.languages(sid, sid, code["locality"])
        # The CareLoop partners of directory.json report their places live; in their categories the rest of the
        # region publishes no capacity (as most HSDS feeds), so the partners rank first while they have places and
        # the demo's referrals stay predictable. Elsewhere nine in ten services publish capacity.
        publishes = category not in self.partner_categories and rng.random() < 0.9
        if publishes:
            maximum_places = rng.choice([5, 8, 10, 12, 15, 20, 25, 30, 40, 60])
            available = 0 if rng.random() < 0.12 else rng.randrange(1, maximum_places + 1)
            updated = "2026-%02d-%02dT%02d:%02d:00.000Z" % (rng.choice([11, 12]), rng.randrange(1, 4),
                                                            rng.randrange(7, 19), rng.randrange(60))
            service["capacities"] = [self.capacity(sid, unit, available, maximum_places, updated)]
        attributes = []
        if category in OE_TERMS and rng.random() < 0.45:
            attributes.append(self.attribute_oe(sid, OE_TERMS[category]))
        else:
            attributes.append(self.attribute_careloop(sid, category))
        if category in RELATED and rng.random() < 0.25:
            attributes.append(self.attribute_careloop(sid, RELATED[category]))
        service["attributes"] = attributes
        return service


# ---------------------------------------------------------------- HSDS shape checks (a tiny JSON Schema subset)

DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
DATE_TIME = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?"
                       r"(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
TYPES = {"string": str, "number": (int, float), "integer": int, "array": list, "object": dict, "boolean": bool}


class Checker:
    """Checks objects against the shipped HSDS 3.1 JSON Schemas: required, type, enum, date/date-time/time, $ref,
    and no property the schema does not define. Collects "path: problem" lines."""

    def __init__(self):
        self.schemas = {}
        self.errors = []

    def schema(self, name):
        if name not in self.schemas:
            with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as f:
                self.schemas[name] = json.load(f)
        return self.schemas[name]

    def check(self, value, schema_name, path, skip=(), tabular=False):
        self.node(value, self.schema(schema_name), path, skip, tabular)

    def node(self, value, schema, path, skip=(), tabular=False):
        if "$ref" in schema:
            schema = self.schema(schema["$ref"])
        kind = schema.get("type")
        if kind and not (isinstance(value, TYPES[kind]) and not (kind in ("number", "integer") and
                                                                 isinstance(value, bool))):
            self.errors.append("%s: expected %s, got %s" % (path, kind, type(value).__name__))
            return
        if "enum" in schema and value not in schema["enum"]:
            self.errors.append("%s: %r is not one of %s" % (path, value, schema["enum"]))
        if isinstance(value, str):
            fmt = schema.get("format") or schema.get("datapackage_type")
            pattern = {"date": DATE, "date-time": DATE_TIME, "datetime": DATE_TIME, "time": TIME}.get(fmt)
            if pattern and not pattern.match(value):
                self.errors.append("%s: %r is not a %s" % (path, value, fmt))
        if isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value):
                self.node(item, schema["items"], "%s[%d]" % (path, i))
        if isinstance(value, dict) and "properties" in schema:
            props = schema["properties"]
            required = schema.get("required", [])
            if tabular:  # a table row links by id where the nested form nests an object ("unit" -> "unit_id")
                required = [f for f in required if "$ref" not in props.get(f, {})] + schema.get("tabular_required", [])
            for field in required:
                if field not in value or value[field] is None:
                    self.errors.append("%s.%s: required" % (path, field))
            for field, v in value.items():
                if field in skip:
                    continue
                if field not in props:
                    self.errors.append("%s.%s: not an HSDS %s field" % (path, field, schema.get("name", "")))
                elif v is not None:
                    self.node(v, props[field], "%s.%s" % (path, field))


def check_nested_organization(checker, org, services, i):
    path = "[%d]" % i
    checker.check(org, "organization.json", path, skip=("services",))
    for j, s in enumerate(services):
        checker.check(s, "service.json", "%s.services[%d]" % (path, j))
        if s.get("organization_id") != org["id"]:
            checker.errors.append("%s.services[%d].organization_id: not the organization's id" % (path, j))
        for k, sal in enumerate(s.get("service_at_locations", [])):
            if sal["location_id"] not in {loc["id"] for loc in org["locations"]}:
                checker.errors.append("%s.services[%d].service_at_locations[%d].location_id: not a location of the "
                                      "organization" % (path, j, k))


# ---------------------------------------------------------------- output forms

FLAT_TABLES = ["organizations", "services", "locations", "service_at_locations", "addresses", "phones", "schedules",
               "service_areas", "languages", "taxonomies", "taxonomy_terms", "attributes", "service_capacities",
               "units"]
FLAT_SCHEMAS = {"organizations": "organization.json", "services": "service.json", "locations": "location.json",
                "service_at_locations": "service_at_location.json", "addresses": "address.json",
                "phones": "phone.json", "schedules": "schedule.json", "service_areas": "service_area.json",
                "languages": "language.json", "taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json",
                "attributes": "attribute.json", "service_capacities": "service_capacity.json", "units": "unit.json"}


def flat_rows(org, services):
    """The rows of one organization and its services, per table, without nesting (links by id)."""
    rows = {t: [] for t in FLAT_TABLES}
    rows["organizations"].append({k: v for k, v in org.items() if k not in ("phones", "locations")})
    rows["phones"] += org["phones"]
    for loc in org["locations"]:
        rows["locations"].append({k: v for k, v in loc.items() if k != "addresses"})
        rows["addresses"] += loc["addresses"]
    for s in services:
        rows["services"].append({k: v for k, v in s.items() if not isinstance(v, list)})
        rows["phones"] += s.get("phones", [])
        rows["schedules"] += s.get("schedules", [])
        rows["service_areas"] += s.get("service_areas", [])
        rows["languages"] += s.get("languages", [])
        rows["service_at_locations"] += [{k: v for k, v in sal.items() if k != "location"}
                                         for sal in s.get("service_at_locations", [])]
        for c in s.get("capacities", []):
            rows["service_capacities"].append({k: v for k, v in c.items() if k != "unit"})
        rows["attributes"] += [{k: v for k, v in a.items() if k != "taxonomy_term"} for a in s.get("attributes", [])]
    return rows


def dumps(value, indent):
    if indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=indent)


def indent_block(text, by):
    return "\n".join(by + line for line in text.split("\n"))


def generate(out, form, services, seed, indent, validate):
    """Streams the directory to the text stream out; returns counts and the number of shape errors."""
    region = Region(services, seed)
    checker = Checker()
    counts = {"organizations": 0, "services": 0}
    nl = "\n"  # compact output still puts one organization (or table row) per line: easy to split into batches
    if form == "nested":
        out.write("[" + nl)
        first = True
        for i, (org, svcs) in enumerate(region.organizations()):
            if validate:
                check_nested_organization(checker, org, svcs, i)
            doc = dict(org, services=svcs)
            text = dumps(doc, indent)
            out.write(("" if first else "," + nl) + (indent_block(text, " " * indent) if indent else text))
            first = False
            counts["organizations"] += 1
            counts["services"] += len(svcs)
        out.write(nl + "]\n")
        return counts, checker.errors
    # flat: each table streams into its own temporary file; the output is their concatenation
    tmp = tempfile.mkdtemp(prefix="careloop-hsds-flat-")
    try:
        parts = {t: open(os.path.join(tmp, t), "w+", encoding="utf-8") for t in FLAT_TABLES}
        seen = {t: 0 for t in FLAT_TABLES}

        def put(table, row):
            if validate:
                checker.check(row, FLAT_SCHEMAS[table], "%s[%d]" % (table, seen[table]), tabular=True)
            parts[table].write(("" if seen[table] == 0 else ",") + nl + (
                indent_block(dumps(row, indent), " " * (2 * indent)) if indent else dumps(row, indent)))
            seen[table] += 1

        for org, svcs in region.organizations():
            for table, rows in flat_rows(org, svcs).items():
                for row in rows:
                    put(table, row)
            counts["organizations"] += 1
            counts["services"] += len(svcs)
        for t in (CARELOOP_TAXONOMY, OE_TAXONOMY):
            put("taxonomies", t)
        for term_id in sorted(region.terms):
            put("taxonomy_terms", region.terms[term_id])
        for name in sorted(region.units):
            put("units", region.units[name])
        out.write("{" + nl)
        pad = " " * indent if indent else ""
        for n, table in enumerate(FLAT_TABLES):
            out.write("%s%s: [" % (pad, json.dumps(table)))
            f = parts[table]
            f.seek(0)
            shutil.copyfileobj(f, out)
            out.write((nl + pad if seen[table] else "") + "]" + ("," if n < len(FLAT_TABLES) - 1 else "") + nl)
        out.write("}\n")
        for f in parts.values():
            f.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return counts, checker.errors


# ---------------------------------------------------------------- V7: the postal codes as a migration


def migration_sql():
    rows = load_postal_codes()
    lines = [
        "-- Postal codes of the demo region, Greater Boston (Suffolk, Middlesex, Norfolk, Essex and Plymouth counties,",
        "-- MA): %d ZIP codes with locality, county and an approximate centroid (see deploy/demo/README.md for the" % len(
            rows),
        "-- source and its accuracy). Matching and /hsds?postcode read them through service_coverage and distances.",
        "--",
        "-- GENERATED from deploy/demo/region/postal-codes.csv by deploy/demo/generate-region.py --write-migration;",
        "-- do not edit by hand (generate-region.py --check fails when the two differ).",
        "",
        "insert into postal_code (country, code, locality, county, state, latitude, longitude)",
        "values",
    ]

    def q(s):
        return "'" + s.replace("'", "''") + "'"

    values = ["    ('US', %s, %s, %s, %s, %s, %s)" % (q(r["code"]), q(r["locality"]), q(r["county"]), q(r["state"]),
                                                   r["latitude"], r["longitude"]) for r in rows]
    lines.append(",\n".join(values))
    lines += ["on conflict (country, code) do nothing;", "", "select refresh_all_service_coverage();", ""]
    return "\n".join(lines)


def check_postal_codes():
    problems = []
    seen = set()
    for r in load_postal_codes():
        if not re.fullmatch(r"0[12]\d{3}", r["code"]):
            problems.append("postal-codes.csv %s: not a Massachusetts ZIP code" % r["code"])
        if r["code"] in seen:
            problems.append("postal-codes.csv %s: twice" % r["code"])
        seen.add(r["code"])
        if r["county"] not in COUNTIES or r["state"] != "MA":
            problems.append("postal-codes.csv %s: county/state %s/%s" % (r["code"], r["county"], r["state"]))
        if not (41.5 < r["lat"] < 43.0 and -72.0 < r["lon"] < -70.5):
            problems.append("postal-codes.csv %s: centroid outside Greater Boston" % r["code"])
        if not r["locality"]:
            problems.append("postal-codes.csv %s: no locality" % r["code"])
    return problems


def check_demo_content(path):
    """The committed file keeps the v1 demo directory (ids, names, categories, capacity, ages) and covers every
    need category."""
    problems = []
    with open(path, encoding="utf-8") as f:
        orgs = json.load(f)
    with open(V1_DEMO, encoding="utf-8") as f:
        v1 = json.load(f)["organizations"]
    by_id = {o["id"]: o for o in orgs}
    services = {s["id"]: s for o in orgs for s in o["services"]}
    for o in v1:
        got = by_id.get(o["id"])
        if got is None or got["name"] != o["name"]:
            problems.append("demo organization %s missing or renamed" % o["id"])
            continue
        for s in o["services"]:
            g = services.get(s["id"])
            if g is None or g["name"] != s["name"] or g["organization_id"] != o["id"]:
                problems.append("demo service %s missing, renamed or moved" % s["id"])
                continue
            cats = sorted(a["taxonomy_term"]["code"] for a in g["attributes"])
            if cats != sorted(s["categories"]):
                problems.append("demo service %s categories %s != %s" % (s["id"], cats, s["categories"]))
            cap = g["capacities"][0]
            if (cap["unit"]["name"], cap["available"], cap.get("maximum")) != (
                    s["capacity"]["unit"], s["capacity"]["available"], s["capacity"]["maximum"]):
                problems.append("demo service %s capacity differs" % s["id"])
            if (g.get("minimum_age"), g.get("maximum_age")) != (s["minimum_age"], s["maximum_age"]):
                problems.append("demo service %s ages differ" % s["id"])
    partner_categories = {c for o in v1 for s in o["services"] for c in s["categories"]}
    v1_ids = {s["id"] for o in v1 for s in o["services"]}
    for s in services.values():
        codes = {a["taxonomy_term"].get("code") for a in s["attributes"]} | {
            k for k, v in OE_TERMS.items() for a in s["attributes"] if a["taxonomy_term"]["name"] == v}
        if s["id"] not in v1_ids and s.get("capacities") and codes & partner_categories:
            problems.append("service %s publishes capacity in a category of the v1 demo services" % s["id"])
    covered = set()
    for s in services.values():
        for a in s["attributes"]:
            term = a["taxonomy_term"]
            covered.add(term.get("code") if term["taxonomy_id"] == CARELOOP_TAXONOMY_ID else
                        {v: k for k, v in OE_TERMS.items()}[term["name"]])
    for code in NEED_CATEGORIES:
        if code not in covered:
            problems.append("no service addresses %s" % code)
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--form", choices=["nested", "flat"], default="nested")
    p.add_argument("--services", type=int, default=DEFAULT_SERVICES,
                   help="number of services, the 12 of deploy/demo/directory.json included (default %(default)s)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("-o", "--output", help="output file (default: %s for the demo; - for stdout)" %
                                          os.path.relpath(DEMO_OUTPUT, ROOT))
    p.add_argument("--compact", action="store_true", help="no indentation (smaller, for large directories)")
    p.add_argument("--no-validate", action="store_true", help="skip the HSDS shape checks (faster)")
    p.add_argument("--check", action="store_true",
                   help="regenerate the demo and V7 and compare them with the committed files byte by byte")
    p.add_argument("--write-migration", action="store_true", help="write V7 from postal-codes.csv")
    args = p.parse_args()
    if args.services < CORE_SERVICES:
        p.error("--services must be at least %d (the services of directory.json are always in)" % CORE_SERVICES)

    if args.write_migration:
        problems = check_postal_codes()
        if problems:
            sys.exit("\n".join(problems))
        with open(MIGRATION, "w", encoding="utf-8") as f:
            f.write(migration_sql())
        print("wrote %s" % os.path.relpath(MIGRATION, ROOT))
        return

    if args.check:
        problems = check_postal_codes()
        with open(MIGRATION, encoding="utf-8") as f:
            if f.read() != migration_sql():
                problems.append("%s differs from postal-codes.csv (run --write-migration)" % os.path.relpath(
                    MIGRATION, ROOT))
        buf = io.StringIO()
        counts, errors = generate(buf, "nested", DEFAULT_SERVICES, DEFAULT_SEED, 1, True)
        problems += errors
        with open(DEMO_OUTPUT, encoding="utf-8") as f:
            if f.read() != buf.getvalue():
                problems.append("%s differs from what the generator writes (regenerate it)" % os.path.relpath(
                    DEMO_OUTPUT, ROOT))
        problems += check_demo_content(DEMO_OUTPUT)
        core = io.StringIO()
        core_counts, errors = generate(core, "nested", CORE_SERVICES, DEFAULT_SEED, 1, True)
        problems += ["core: " + e for e in errors]
        with open(CORE_OUTPUT, encoding="utf-8") as f:
            if f.read() != core.getvalue():
                problems.append("%s differs from what the generator writes (regenerate it)" % os.path.relpath(
                    CORE_OUTPUT, ROOT))
        if core_counts != {"organizations": 10, "services": 12}:
            problems.append("core directory has %s" % core_counts)
        flat = io.StringIO()
        _, errors = generate(flat, "flat", DEFAULT_SERVICES, DEFAULT_SEED, None, True)
        problems += ["flat: " + e for e in errors]
        flat_doc = json.loads(flat.getvalue())
        if len(flat_doc["services"]) != counts["services"]:
            problems.append("flat form has %d services, nested %d" % (len(flat_doc["services"]), counts["services"]))
        for table, rows in flat_doc.items():
            ids = [r["id"] for r in rows]
            if len(ids) != len(set(ids)):
                problems.append("flat %s: duplicate ids" % table)
        if problems:
            print("\n".join(problems[:50]), file=sys.stderr)
            sys.exit("check failed: %d problem(s)" % len(problems))
        print("check ok: %s (%d organizations, %d services), %s and V7 are up to date; HSDS shape checks pass "
              "(nested and flat); every need category has services" % (
                  os.path.relpath(DEMO_OUTPUT, ROOT), counts["organizations"], counts["services"],
                  os.path.relpath(CORE_OUTPUT, ROOT)))
        return

    output = args.output or {DEFAULT_SERVICES: DEMO_OUTPUT, CORE_SERVICES: CORE_OUTPUT}.get(args.services)
    if output is None:
        p.error("-o FILE is required when --services is neither %d (the demo) nor %d (its core)" % (
            DEFAULT_SERVICES, CORE_SERVICES))
    indent = None if args.compact else 1
    started = time.monotonic()
    if output == "-":
        counts, errors = generate(sys.stdout, args.form, args.services, args.seed, indent, not args.no_validate)
    else:
        tmp = output + ".tmp"
        with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as out:
            counts, errors = generate(out, args.form, args.services, args.seed, indent, not args.no_validate)
        if errors:
            os.unlink(tmp)
        else:
            os.replace(tmp, output)
    if errors:
        print("\n".join(errors[:50]), file=sys.stderr)
        sys.exit("HSDS shape check failed: %d problem(s)" % len(errors))
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = os.path.getsize(output) / 1e6 if output != "-" else 0
    print("generated %d organizations, %d services (%s form, seed %d) -> %s: %.1f MB in %.1f s, peak memory %.0f MB" % (
        counts["organizations"], counts["services"], args.form, args.seed, output, size, seconds, peak_mb),
          file=sys.stderr)


if __name__ == "__main__":
    main()
