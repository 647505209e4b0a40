package dev.newspipe.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import net.jpountz.lz4.LZ4Factory;

/**
 * Makes Kafka's lz4 codec use lz4-java's JNI build. The codec asks {@link LZ4Factory#fastestInstance()} for
 * every batch, and that answers with the JNI build only once it is loaded or when lz4-java sits on the system
 * class loader. Under Quarkus it does not, so every record batch was compressed by the pure-Java fallback,
 * the largest single cost in ingest's profile. Loading the library once at start-up fixes that; where it
 * cannot load (another OS or architecture), the Java fallback stays and works as before.
 */
@ApplicationScoped
public class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    void load(@Observes @Priority(1) StartupEvent started) {
        LOG.infof("Kafka's lz4 codec uses %s", loadJni());
    }

    /** Loads the JNI build if it can; returns the implementation Kafka's codec now gets. */
    private static String loadJni() {
        try {
            LZ4Factory.nativeInstance();   // also serves the codec's xxhash checksums: one library
        } catch (RuntimeException | LinkageError e) {
            LOG.infof("lz4-java's native library is not available here (%s); Kafka's lz4 codec uses its Java build", e);
        }
        return LZ4Factory.fastestInstance().toString();
    }
}
