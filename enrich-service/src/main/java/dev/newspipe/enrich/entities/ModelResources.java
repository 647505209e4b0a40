package dev.newspipe.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Opens OpenNLP model files that the opennlp-models-* jars put on the classpath. */
public final class ModelResources {

    public interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    public static <M> M load(String resource, String artifact, ModelReader<M> reader) {
        try (InputStream in = ModelResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath; add the Maven "
                        + "dependency org.apache.opennlp:" + artifact);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
        }
    }

    private ModelResources() {
    }
}
