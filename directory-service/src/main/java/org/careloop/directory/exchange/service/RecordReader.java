package org.careloop.directory.exchange.service;

import java.io.Closeable;
import java.io.IOException;

/** Reads an import body record by record, handing each to a {@link RecordFlattener}. */
public interface RecordReader extends Closeable {

    /** Reads records until about {@code records} objects were staged; false once the body is exhausted. */
    boolean read(int records) throws IOException;
}
