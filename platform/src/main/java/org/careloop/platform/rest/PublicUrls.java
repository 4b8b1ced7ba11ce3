package org.careloop.platform.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Absolute URLs this service hands out (the {@code Location} of a created resource), built from the configured public
 * base URL, never from the request's {@code Host} header, which any client can set.
 */
@ApplicationScoped
public class PublicUrls {

    /** Where clients reach this service. */
    @ConfigMapping(prefix = "careloop.http")
    public interface Config {
        /** Base URL of the service as its clients reach it, e.g. {@code https://referrals.example.org}. */
        @WithName("public-base-url")
        @WithDefault("http://localhost:${quarkus.http.port:8080}")
        URI publicBaseUrl();
    }

    private final String base;

    public PublicUrls(Config config) {
        String url = config.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The absolute URL of {@code path} (which starts with a slash). */
    public URI of(String path) {
        return URI.create(base + path);
    }
}
