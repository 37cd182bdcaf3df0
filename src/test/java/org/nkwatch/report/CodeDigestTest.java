package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code digest follows what jars and class folders hold, not where they are or when they were written. */
class CodeDigestTest {
  @TempDir
  Path dir;

  @Test
  void aJarsDigestChangesWithAnEntrysBytesAndNotWithItsPlaceOrTime() throws IOException {
    Path a = jar("a/code.jar", Map.of("org/x/A.class", "one", "org/x/B.class", "two"));
    Path sameElsewhere = jar("b/code.jar", Map.of("org/x/A.class", "one", "org/x/B.class", "two"));
    Files.setLastModifiedTime(sameElsewhere, java.nio.file.attribute.FileTime.fromMillis(0));
    Path changed = jar("c/code.jar", Map.of("org/x/A.class", "one", "org/x/B.class", "twO"));
    Path added = jar("d/code.jar", Map.of("org/x/A.class", "one", "org/x/B.class", "two", "org/x/C.class", ""));

    assertThat(CodeDigest.of(Set.of(a))).hasSize(32).isEqualTo(CodeDigest.of(Set.of(sameElsewhere)))
        .isNotEqualTo(CodeDigest.of(Set.of(changed))).isNotEqualTo(CodeDigest.of(Set.of(added)));
  }

  @Test
  void aFoldersDigestChangesWithAFilesBytesOrName() throws IOException {
    Path folder = dir.resolve("classes");
    Files.createDirectories(folder.resolve("org/x"));
    Files.writeString(folder.resolve("org/x/A.class"), "one");
    String before = CodeDigest.of(Set.of(folder));
    assertThat(CodeDigest.of(Set.of(folder))).isEqualTo(before);

    Files.writeString(folder.resolve("org/x/A.class"), "onE");
    String edited = CodeDigest.of(Set.of(folder));
    Files.move(folder.resolve("org/x/A.class"), folder.resolve("org/x/Z.class"));
    String renamed = CodeDigest.of(Set.of(folder));
    assertThat(java.util.List.of(before, edited, renamed)).doesNotHaveDuplicates();
  }

  @Test
  void classesFromLocalJarsHaveADigestThatIncludesEachJar() throws IOException {
    String chartsOnly = CodeDigest.ofClasses(java.util.List.of(JFreeChart.class));
    String withPdf = CodeDigest.ofClasses(java.util.List.of(JFreeChart.class,
        org.apache.pdfbox.pdmodel.PDDocument.class));
    assertThat(chartsOnly).hasSize(32).isNotEqualTo(withPdf);
    // a class of the JDK's own image is not in a local jar or folder: no digest, so the brief is always rendered
    assertThat(CodeDigest.ofClasses(java.util.List.of(JFreeChart.class, String.class))).isNull();
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = dir.resolve(name);
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : new java.util.TreeSet<>(entries.keySet())) {
        ZipEntry e = new ZipEntry(entry);
        e.setTime(jar.toString().hashCode());  // entries' times differ from jar to jar
        zip.putNextEntry(e);
        zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
