package dev.newspipe.security;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured {@link ApiKeys}, for the services' request filters. */
public class ApiKeysProducer {

    @Produces
    @Singleton
    ApiKeys apiKeys(ApiKeysConfig config) {
        return ApiKeys.of(config.keys().orElse(List.of()));
    }
}
