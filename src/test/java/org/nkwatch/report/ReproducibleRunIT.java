package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nkwatch.spark.SampleCorpus;
import org.nkwatch.testing.JobProcess;

/**
 * The whole job twice, as users run it ({@code nkwatch run} in a JVM of its own), on the same input with the
 * same SOURCE_DATE_EPOCH into two output roots: every file under {@code briefs/} (PDFs, chart PNGs, the
 * manifest) is identical byte for byte, and the PDF's dates are the epoch's, not the clock's.
 */
class ReproducibleRunIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
  private static final long EPOCH = 1_730_000_000L;  // 2024-10-27T03:33:20Z
  private static Path root;

  @BeforeAll
  static void corpus() throws IOException {
    root = Files.createTempDirectory("nkwatch-reproducible-run");
    SampleCorpus.extractTo(root.resolve("corpora"));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void twoRunsWithTheSameSourceDateEpochWriteIdenticalBriefs() throws Exception {
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", Long.toString(EPOCH));
    Path corpora = root.resolve("corpora");
    String[] inputs = {"--input", corpora.resolve("state-media").toString(), "--input",
        corpora.resolve("wire").toString(), "--input", corpora.resolve("defector-reports").toString(),
        "--brief", "monthly-brief", "--brief", "weekly-watch"};
    // the two runs at once: they share nothing but the input, and two cores
    try (JobProcess first = JobProcess.start(root.resolve("first.log"), env, args("first", inputs));
         JobProcess second = JobProcess.start(root.resolve("second.log"), env, args("second", inputs))) {
      assertThat(first.await(RUN_TIMEOUT)).as("first run:%n%s", first.log()).isZero();
      assertThat(second.await(RUN_TIMEOUT)).as("second run:%n%s", second.log()).isZero();
    }

    Map<String, byte[]> a = files(root.resolve("first/briefs"));
    Map<String, byte[]> b = files(root.resolve("second/briefs"));
    assertThat(a.keySet()).anyMatch(name -> name.startsWith("monthly-brief") && name.endsWith(".pdf"))
        .anyMatch(name -> name.startsWith("weekly-watch") && name.endsWith(".pdf"))
        .anyMatch(name -> name.endsWith(".png"))
        .anyMatch(name -> name.endsWith(".json"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String name : a.keySet()) {
      // compared by digest: a failure then names the file, not thousands of bytes
      assertThat(sha256(b.get(name))).as("%s differs between the two runs", name).isEqualTo(sha256(a.get(name)));
    }

    Path pdf = root.resolve("first/briefs").resolve(a.keySet().stream()
        .filter(n -> n.startsWith("monthly-brief") && n.endsWith(".pdf")).findFirst().orElseThrow());
    try (PDDocument doc = PdfChecks.load(pdf)) {
      Instant created = doc.getDocumentInformation().getCreationDate().toInstant();
      assertThat(created).isEqualTo(Instant.ofEpochSecond(EPOCH));
    }
  }

  private static String[] args(String output, String[] inputs) {
    String[] head = {"run", "--master", "local[1]", "--conf", "spark.ui.enabled=false", "--output",
        root.resolve(output).toString()};
    String[] args = new String[head.length + inputs.length];
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(inputs, 0, args, head.length, inputs.length);
    return args;
  }

  private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Every file under {@code dir}, by its path relative to it. */
  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> found = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        found.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return found;
  }
}
