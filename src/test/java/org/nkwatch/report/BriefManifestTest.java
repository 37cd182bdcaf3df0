package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefManifestTest {
  @TempDir
  Path dir;

  private static BriefManifest.Entry entry(String file, String sha) {
    return new BriefManifest.Entry("weekly-watch", "T", file, "2025-03-24", "2025-03-30", "week", "run", "a", "b",
        sha, 10, List.of(new BriefManifest.Chart("top_people", file + ".png", "c")));
  }

  @Test
  void entriesAreKeptSortedAndReplacedByFileName() throws IOException {
    BriefManifest.record(dir, entry("b.pdf", "1"));
    BriefManifest.record(dir, entry("a.pdf", "2"));
    BriefManifest.record(dir, entry("b.pdf", "3"));
    BriefManifest.Manifest m = BriefManifest.read(dir);
    assertThat(m.briefs()).extracting(BriefManifest.Entry::file).containsExactly("a.pdf", "b.pdf");
    assertThat(m.briefs().get(1).sha256()).isEqualTo("3");
    assertThat(Files.readString(dir.resolve("manifest.json"))).doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void twoBriefsInOneFolderAreBothListed() throws IOException {
    Path out = Path.of("target/test-output/manifest");
    Instant t = SampleBriefs.RENDERED;
    Reporter.render(SampleBriefs.noSanctions(), BriefDefinition.load(Path.of("reports"), "weekly-watch"), out, t);
    Reporter.render(SampleBriefs.full(), BriefDefinition.load(Path.of("reports"), "monthly-brief"), out, t);
    assertThat(BriefManifest.read(out).briefs()).extracting(BriefManifest.Entry::file)
        .contains("monthly-brief_2025-01-01_2025-03-31.pdf", "weekly-watch_2025-03-24_2025-03-30.pdf");
  }

  @Test
  void aBrokenManifestIsNamedNotOverwritten() throws IOException {
    Files.writeString(dir.resolve("manifest.json"), "{ not json");
    assertThatThrownBy(() -> BriefManifest.record(dir, entry("a.pdf", "1")))
        .isInstanceOf(IOException.class).hasMessageContaining("manifest.json");
    assertThat(Files.readString(dir.resolve("manifest.json"))).isEqualTo("{ not json");
  }
}
