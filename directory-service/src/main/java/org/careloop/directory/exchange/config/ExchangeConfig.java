package org.careloop.directory.exchange.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of HSDS import and export. */
@ConfigMapping(prefix = "careloop.directory.exchange")
public interface ExchangeConfig {

    /** Largest import body in bytes; the body is spooled to a temporary file, never held in memory. */
    @WithDefault("1073741824")
    @Min(1)
    long maxImportBytes();

    /** Records staged per multi-row insert. */
    @WithDefault("1000")
    @Min(1)
    @Max(20000)
    int batchSize();

    /** Errors reported at most in one 400 answer. */
    @WithDefault("100")
    @Min(1)
    @Max(10000)
    int maxErrors();

    /** Organizations (or rows of a flat table) read per export query. */
    @WithDefault("200")
    @Min(1)
    @Max(10000)
    int exportPageSize();
}
