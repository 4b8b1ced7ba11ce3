package org.careloop.directory.hsds.service;

/** How much of each entity a listing returns. */
public enum HsdsShape {
    /** Services only: id and last_modified (HSDS {@code minimal=true}). */
    MINIMAL,
    /** The entity's own one-to-one fields (the HSDS list form). */
    BRIEF,
    /** Fully nested ({@code full=true}). */
    FULL,
    /** Organizations only: fully nested, with fully nested services ({@code full_service=true}). */
    FULL_SERVICE
}
