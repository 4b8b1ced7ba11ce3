package org.careloop.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the directory. */
@ConfigMapping(prefix = "careloop.directory")
public interface DirectoryConfig {

    /** Unit of a capacity reported for a service that had none and whose report names no unit. */
    @WithDefault("place")
    String defaultCapacityUnit();
}
