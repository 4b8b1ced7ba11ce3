package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that a GeoJSON geometry is a Polygon or MultiPolygon with closed rings of WGS 84 positions. */
public final class GeoJson {

    private GeoJson() {}

    /** What is wrong with the geometry, or null when PostGIS can read it as an area. */
    public static String problem(JsonNode geometry) {
        JsonNode node = geometry;
        if ("Feature".equals(node.path("type").asText())) {
            return "must be a geometry (Polygon or MultiPolygon), not a Feature";
        }
        String type = node.path("type").asText("");
        JsonNode coordinates = node.path("coordinates");
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            return "has no coordinates";
        }
        switch (type) {
            case "Polygon":
                return polygon(coordinates);
            case "MultiPolygon":
                for (JsonNode polygon : coordinates) {
                    String problem = polygon(polygon);
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            default:
                return "type must be Polygon or MultiPolygon";
        }
    }

    private static String polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            return "polygon has no rings";
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                return "ring needs at least 4 positions";
            }
            for (JsonNode position : ring) {
                if (!position.isArray()
                        || position.size() < 2
                        || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    return "position must be [longitude, latitude]";
                }
                double lon = position.get(0).asDouble();
                double lat = position.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    return "position outside WGS 84 longitude/latitude";
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                return "ring must be closed (first position = last)";
            }
        }
        return null;
    }
}
