package dev.newspipe.jmh;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.newspipe.bench.ArticleVariants;
import dev.newspipe.enrich.ArticleEnricher;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.store.ArticleRepository;
import dev.newspipe.testsupport.PostgresServer;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

/**
 * The store's write: {@link ArticleRepository#upsertAll} of a batch of {@value #BATCH} new articles, in one
 * transaction with story assignment, entity and topic links, against a real PostgreSQL throwaway database
 * migrated by the store's own Flyway scripts. Reported per article (the batch time over {@value #BATCH}).
 * The table grows during the run, as it does in service.
 */
public class UpsertBenchmarks extends HotPathBenchmark {

    static final int BATCH = 100;

    private String database;
    private AgroalDataSource dataSource;
    private ArticleRepository repository;
    private Cycle<ArticleEnriched> enrichments;
    private final Random random = new Random(5);
    private int sequence;
    private List<ArticleEnriched> batch;

    @Setup(Level.Trial)
    public void createDatabase() throws SQLException {
        database = PostgresServer.createThrowawayDatabase();
        PostgresServer.Settings db = PostgresServer.settings();
        String url = db.jdbcUrl(database);
        Flyway.configure().dataSource(url, db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        // The pool and driver setting the service's datasource uses (application.properties of store-service).
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(2)
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                .principal(new NamePrincipal(db.user()))
                                .credential(new SimplePassword(db.password()))
                                .jdbcProperty("reWriteBatchedInserts", "true"))));
        repository = new ArticleRepository(dataSource);
        // Real enrichments of the corpus articles; each batch turns them into articles with new ids.
        ArticleEnricher engine = new ArticleEnricher(Clock.systemUTC());
        enrichments = new Cycle<>(CorpusArticles.ingested(3).stream().map(engine::enrich).toList());
    }

    /** New ids every time: a batch of ids already stored would measure updates the store skips. */
    @Setup(Level.Invocation)
    public void nextBatch() {
        batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(ArticleVariants.of(enrichments.next(), sequence++, random));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Set<String> upsertBatch() throws SQLException {
        Set<String> written = repository.upsertAll(batch);
        if (written.size() != BATCH) {
            throw new IllegalStateException("wrote " + written.size() + " of " + BATCH + " new articles");
        }
        return written;
    }

    @TearDown(Level.Trial)
    public void dropDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (database != null) {
            PostgresServer.dropDatabase(database);
        }
    }
}
