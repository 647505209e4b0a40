package dev.newspipe.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The API keys of a service's HTTP API ({@code news.api.*}; the services set it from {@code NEWS_API_KEYS}). */
@ConfigMapping(prefix = "news.api")
public interface ApiKeysConfig {

    /** The accepted keys, comma-separated; none (or only blanks) leaves every endpoint open. */
    Optional<List<String>> keys();
}
