package org.nkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.ConfigBundle;

/**
 * target/nkwatch-cluster.jar, as a cluster or a serverless runtime sees it: our code, our libraries, the
 * models and the configuration inside; nothing the runtime provides (Spark, Scala, slf4j, Hadoop, Jackson),
 * which would clash with the runtime's own copies.
 */
class ClusterJarIT {
  private static JarFile jar;
  private static Set<String> entries;

  @BeforeAll
  static void open() throws IOException {
    Path path = Path.of(System.getProperty("nkwatch.clusterJar", "target/nkwatch-cluster.jar"));
    assertThat(path).as("the cluster jar (mvn package)").isRegularFile();
    jar = new JarFile(path.toFile());
    entries = new TreeSet<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
      entries.add(e.nextElement().getName());
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (jar != null) {
      jar.close();
    }
  }

  @Test
  void itsMainClassIsTheCli() throws IOException {
    assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.nkwatch.cli.Main");
    assertThat(entries).contains("org/nkwatch/cli/Main.class", "org/nkwatch/spark/Pipeline.class");
  }

  @Test
  void itHoldsNothingTheSparkRuntimeProvides() {
    List<String> provided = List.of("org/apache/spark/", "scala/", "org/slf4j/", "org/apache/hadoop/",
        "com/fasterxml/jackson/", "org/apache/log4j/", "org/apache/logging/log4j/", "io/netty/", "org/apache/parquet/");
    List<String> found = entries.stream()
        .filter(e -> provided.stream().anyMatch(e::startsWith))
        .limit(10)
        .toList();
    assertThat(found).as("classes of the Spark runtime inside the cluster jar").isEmpty();
  }

  @Test
  void itCarriesItsLibraries() {
    assertThat(entries).contains(
        "opennlp/tools/tokenize/TokenizerME.class",
        "picocli/CommandLine.class",
        "org/apache/pdfbox/pdmodel/PDDocument.class",
        "org/jfree/chart/JFreeChart.class",
        "org/snakeyaml/engine/v2/api/Load.class",
        "org/apache/commons/csv/CSVParser.class",
        "org/jsoup/Jsoup.class");
    // shading leaves no signature files that would make the JVM reject the merged jar
    assertThat(entries).noneMatch(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA)"));
  }

  @Test
  void itCarriesTheModels() {
    assertThat(entries).contains(
        "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
        "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin",
        "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin",
        "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin");
  }

  /** Executors and serverless drivers have no conf/ folder: the jar's copy is all they see. */
  @Test
  void itCarriesConfAsTheProjectHasIt() {
    List<String> missing = new ArrayList<>();
    Path conf = Path.of("conf");
    try (Stream<Path> files = Files.walk(conf)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String entry = "nkwatch/conf/" + conf.relativize(file).toString().replace('\\', '/');
        if (!entries.contains(entry)) {
          missing.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(missing).as("files of conf/ missing from the cluster jar").isEmpty();
    assertThat(entries).contains("nkwatch/jvm-flags.txt");
  }

  /** What ConfigBundle.packaged() reads: without these, every command fails unless --conf-dir is given. */
  @Test
  void itCarriesEveryConfigFileTheAnnotatorNeeds() {
    List<String> missing = ConfigBundle.FILES.stream()
        .map(name -> "nkwatch/conf/" + name)
        .filter(entry -> !entries.contains(entry))
        .toList();
    assertThat(missing).as("packaged config files (ConfigBundle.FILES) missing from the cluster jar").isEmpty();
  }
}
