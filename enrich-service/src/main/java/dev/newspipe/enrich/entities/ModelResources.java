package dev.newspipe.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads model files that Maven artifacts put on the classpath (OpenNLP's models, the sentence model). */
public final class ModelResources {

    public interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    /**
     * @param artifact the Maven coordinates (group:artifact) of the jar that holds the resource, named in the
     *     error when it is missing
     */
    public static <M> M load(String resource, String artifact, ModelReader<M> reader) {
        try (InputStream in = ModelResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model file " + resource + " is not on the classpath; add the Maven "
                        + "dependency " + artifact);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + resource, e);
        }
    }

    private ModelResources() {
    }
}
