package org.careloop.directory.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One HSDS object of an import, ready for staging.
 *
 * @param kind what it is
 * @param id its HSDS id
 * @param doc its own fields as sent, less child objects and {@code last_modified}
 * @param links ids of the objects it belongs to (its own link fields, or where it was nested)
 * @param path where it is in the import, e.g. {@code organizations[id=o1]/services[id=s1]}
 */
public record StagedRecord(HsdsKind kind, String id, ObjectNode doc, Map<String, String> links, String path) {}
