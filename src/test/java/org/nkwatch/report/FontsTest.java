package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontsTest {
  @TempDir
  Path dir;

  @Test
  void systemFontsAreReported() {
    Fonts f = Fonts.system();
    System.out.println("nkwatch report tests use: " + f.describe());
    if (f.regularFile().isPresent()) {
      assertThat(Fonts.isUsableTtf(f.regularFile().get())).isTrue();
    }
    if (f.hasHangul()) {
      assertThat(Fonts.covers(f.regularFile().get(), '김')).isTrue();
    }
  }

  @Test
  void noFontFilesMeansStandard14() {
    Fonts f = Fonts.resolve(Optional.empty(), List.of(dir));
    assertThat(f.regularFile()).isEmpty();
    assertThat(f.hasHangul()).isFalse();
    assertThat(f.describe()).contains("Helvetica");
    assertThat(f.awtFont(false, 13f).getSize2D()).isEqualTo(13f);
  }

  @Test
  void aConfiguredFileThatIsNotAFontFallsBackToTheSearch() throws Exception {
    Path fake = dir.resolve("Fake.ttf");
    Files.writeString(fake, "not a font");
    Fonts f = Fonts.resolve(Optional.of(fake), List.of(dir));
    assertThat(f.regularFile()).isEmpty();
  }

  @Test
  void aConfiguredLatinFontIsUsedWithoutHangul() {
    Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(dejavu), "fonts-dejavu-core is not installed");
    Fonts f = Fonts.resolve(Optional.of(dejavu), List.of(dir));
    assertThat(f.regularFile()).contains(dejavu);
    assertThat(f.boldFile()).contains(dejavu.resolveSibling("DejaVuSans-Bold.ttf"));
    assertThat(f.hasHangul()).isFalse();
  }

  @Test
  void searchFindsAHangulFontByItsCmap() throws Exception {
    Path nanum = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(nanum), "fonts-nanum is not installed");
    Path copy = dir.resolve("sub/SomeKoreanFont.ttf");
    Files.createDirectories(copy.getParent());
    Files.copy(nanum, copy);
    Fonts f = Fonts.resolve(Optional.empty(), List.of(dir));
    assertThat(f.regularFile()).contains(copy);
    assertThat(f.hasHangul()).isTrue();
  }
}
