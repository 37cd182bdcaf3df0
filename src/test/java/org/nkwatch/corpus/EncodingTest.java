package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.corpus.IngestFixtures.read;
import static org.nkwatch.corpus.IngestFixtures.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nkwatch.corpus.IngestFixtures.Collected;
import org.nkwatch.model.Article;
import org.nkwatch.model.RejectReason;

/** Byte order marks, the UTF-8 / CP949 / windows-1252 cascade, binary and empty files. */
class EncodingTest {
  private static final String ENGLISH = "The cabinet met in Pyongyang on Monday to review the plan for the year.";
  private static final String KOREAN = "북한 내각은 월요일 평양에서 회의를 열고 올해 인민경제계획 수행 정형을 총화했다. "
      + "회의에서는 농업 생산을 늘리기 위한 대책이 토의되었다.";
  private static final String SPANISH = "El gabinete se reunió el lunes en Pyongyang para examinar el plan económico "
      + "del año. Según el informe, la producción de acero aumentó y los dirigentes pidieron más esfuerzos a los "
      + "trabajadores de las fábricas y granjas del país.";

  @Test
  void utf8ByteOrderMarkIsDroppedFromTheText() {
    Article a = read(spec("auto"), "bom.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        ENGLISH.getBytes(StandardCharsets.UTF_8))).article();
    assertThat(a.text()).isEqualTo(ENGLISH);
  }

  @Test
  void utf16WithByteOrderMarksIsDecoded() {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ENGLISH.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ENGLISH.getBytes(StandardCharsets.UTF_16BE));
    assertThat(read(spec("auto"), "le.txt", le).article().text()).isEqualTo(ENGLISH);
    assertThat(read(spec("auto"), "be.txt", be).article().text()).isEqualTo(ENGLISH);
  }

  @Test
  void utf16WithoutByteOrderMarkIsRecognisedByItsNulBytes() {
    assertThat(read(spec("auto"), "le.txt", ENGLISH.getBytes(StandardCharsets.UTF_16LE)).article().text())
        .isEqualTo(ENGLISH);
    assertThat(read(spec("auto"), "be.txt", ENGLISH.getBytes(StandardCharsets.UTF_16BE)).article().text())
        .isEqualTo(ENGLISH);
  }

  @Test
  void koreanInCp949AndEucKrIsDecoded() {
    for (String charset : new String[] {"x-windows-949", "EUC-KR"}) {
      Article a = read(spec("auto"), "korean.txt", KOREAN.getBytes(Charset.forName(charset))).article();
      assertThat(a.text()).as(charset).isEqualTo(KOREAN);
      assertThat(a.language()).as(charset).isEqualTo("ko");
    }
  }

  @Test
  void validUtf8IsNeverReadAsCp949() {
    assertThat(read(spec("auto"), "korean.txt", KOREAN).article().text()).isEqualTo(KOREAN);
  }

  @Test
  void westernTextInWindows1252IsDecodedAndItsQuotesStraightened() {
    byte[] bytes = ("\u201C" + SPANISH + "\u201D").getBytes(Charset.forName("windows-1252"));
    Article a = read(spec("auto"), "spanish.txt", bytes).article();
    assertThat(a.text()).isEqualTo("\"" + SPANISH + "\"");
    assertThat(a.language()).isEqualTo("es");
  }

  @Test
  void windows1252RowsOfACsvAreDecoded() {
    byte[] csv = ("text,title\n\"" + SPANISH + "\",Reunión del gabinete\n").getBytes(Charset.forName("windows-1252"));
    Article a = read(spec("auto"), "spanish.csv", csv).article();
    assertThat(a.title()).isEqualTo("Reunión del gabinete");
  }

  @Test
  void bytesThatAreNoSupportedEncodingAreUndecodable() {
    // 0xC8 0x20 is malformed UTF-8 and CP949; 0x81 is not a windows-1252 character
    byte[] bytes = concat("A report ".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) 0xC8, 0x20, (byte) 0x81, (byte) 0x81, 0x20, (byte) 0xC8, 0x20});
    Collected c = read(spec("auto"), "mixed.txt", bytes);
    assertThat(c.reject().reason()).isEqualTo(RejectReason.UNDECODABLE);
    assertThat(c.reject().size()).isEqualTo(bytes.length);
  }

  @Test
  void invalidUtf8LateInAStreamedCsvKeepsTheRowsBeforeIt() {
    StringBuilder csv = new StringBuilder("text,title\n");
    int rows = 0;
    while (csv.length() < 3 * CorpusFileReader.HEAD_BYTES) {
      rows++;
      csv.append("\"Row ").append(rows).append(" tells of the harvest in the province, which was good.\",T")
          .append(rows).append('\n');
    }
    byte[] bytes = concat(csv.toString().getBytes(StandardCharsets.UTF_8),
        "\"Broken \u00e9 text\",Last\n".getBytes(Charset.forName("windows-1252")));
    Collected c = read(spec("auto"), "late.csv", bytes);
    assertThat(c.articles).hasSize(rows);
    assertThat(c.rejects).hasSize(1);
    assertThat(c.rejects.get(0).reason()).isEqualTo(RejectReason.UNDECODABLE);
    assertThat(c.rejects.get(0).locator()).isEqualTo("late.csv#row=" + (rows + 1));
    assertThat(c.rejects.get(0).detail()).contains("rest of the file").contains("invalid UTF-8 bytes at byte offset");
  }

  @Test
  void fileSignaturesAndNulBytesMeanBinary() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    assertThat(read(spec("auto"), "story.txt", png).reject().reason()).isEqualTo(RejectReason.BINARY);
    assertThat(read(spec("auto"), "story.txt", png).reject().detail()).contains("PNG");

    byte[] noisy = new byte[4096];
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
    }
    Collected c = read(spec("auto"), "story.txt", noisy);
    assertThat(c.reject().reason()).isEqualTo(RejectReason.BINARY);
    assertThat(c.reject().detail()).contains("NUL");
  }

  @Test
  void controlByteNoiseIsBinary() {
    byte[] bytes = new byte[1000];
    Arrays.fill(bytes, (byte) 'x');
    for (int i = 0; i < bytes.length; i += 5) {
      bytes[i] = 0x03;
    }
    assertThat(read(spec("auto"), "noise.txt", bytes).reject().reason()).isEqualTo(RejectReason.BINARY);
  }

  @Test
  void emptyWhitespaceAndBomOnlyFilesAreEmpty() {
    assertThat(read(spec("auto"), "a.txt", new byte[0]).reject().reason()).isEqualTo(RejectReason.EMPTY);
    assertThat(read(spec("auto"), "a.csv", " \n\t\r\n  ").reject().reason()).isEqualTo(RejectReason.EMPTY);
    assertThat(read(spec("auto"), "a.json", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'})
        .reject().reason()).isEqualTo(RejectReason.EMPTY);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
