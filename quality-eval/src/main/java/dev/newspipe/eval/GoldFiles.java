package dev.newspipe.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gold files on the class path, in name order: annotations of real texts in the shared directory
 * ({@code /gold/*.json}) and articles written for this project with their annotations
 * ({@code /gold-written/*.json}, tuned on, and {@code /gold-written-held-out/*.json}, kept out of tuning).
 */
public final class GoldFiles {

    /** Gold files of texts in the shared directory. */
    static final String SHARED_TEXTS = "gold";
    /** Gold files that hold their own article, written for this project; the engine was tuned on them. */
    static final String WRITTEN_ARTICLES = "gold-written";
    /** More written articles, added after the tuning and kept out of it. */
    static final String WRITTEN_HELD_OUT = "gold-written-held-out";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public static List<GoldDocument> load(String folder) {
        List<GoldDocument> documents = new ArrayList<>();
        for (String name : names(folder)) {
            try (InputStream in = GoldFiles.class.getResourceAsStream("/" + folder + "/" + name)) {
                documents.add(parse(name, in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gold file " + name, e);
            }
        }
        return documents;
    }

    static GoldDocument parse(String name, InputStream in) throws IOException {
        try {
            return JSON.readValue(in, GoldDocument.class).withFile(name);
        } catch (IOException e) {
            throw new IOException("gold file " + name + ": " + e.getMessage(), e);
        }
    }

    /** File names under the folder, whether the class path holds it as a directory or inside a jar. */
    static List<String> names(String folder) {
        URL url = GoldFiles.class.getResource("/" + folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return listInJar(uri, folder);
            }
            return list(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the gold files at " + url, e);
        }
    }

    private static List<String> listInJar(URI uri, String folder) throws IOException {
        FileSystem jar;
        boolean openedHere;
        try {
            jar = FileSystems.getFileSystem(uri);
            openedHere = false;
        } catch (FileSystemNotFoundException notOpenYet) {
            jar = FileSystems.newFileSystem(uri, Map.of());
            openedHere = true;
        }
        try {
            return list(jar.getPath("/" + folder));
        } finally {
            if (openedHere) {
                jar.close();
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private GoldFiles() {
    }
}
