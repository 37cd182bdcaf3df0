package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.corpus.CorpusFileReader;

/** The hand-over between the corpus reader and Spark's iterator: streamed, bounded, stoppable. Spark-free. */
@Timeout(60)
class StreamingFileReaderTest {
  private static final CorpusSpec CORPUS = CorpusSpec.adHoc("big", "/data/big");
  private static final String LINE = "{\"text\": \"The committee discussed measures to improve the supply of coal "
      + "to power stations in the northern provinces during the winter months, officials said.\"}\n";

  /** JSON Lines made up as they are read, up to {@code total} bytes, counting what was read. */
  private static final class EndlessJsonLines extends InputStream {
    private final long total;
    private final AtomicLong read;
    private final byte[] line;
    private long position;

    EndlessJsonLines(long total, AtomicLong read) {
      this.total = total;
      this.read = read;
      this.line = LINE.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      if (position >= total) {
        return -1;
      }
      read.incrementAndGet();
      return line[(int) (position++ % line.length)] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = line[(int) ((position + i) % line.length)];
      }
      position += n;
      read.addAndGet(n);
      return n;
    }
  }

  @Test
  void theFirstRowsArriveLongBeforeAHugeFileIsReadAndStoppingEndsTheReader() throws Exception {
    AtomicLong read = new AtomicLong();
    long tenGigabytes = 10L << 30;
    InputFile file = new InputFile(CORPUS, "file:/data/big/dump.jsonl", tenGigabytes);
    StreamingFileReader rows = new StreamingFileReader(List.of(file), f -> new EndlessJsonLines(tenGigabytes, read));
    for (int i = 0; i < 100; i++) {
      assertThat(rows.hasNext()).isTrue();
      Row row = rows.next();
      assertThat(row.getString(0)).isEqualTo("article");
      assertThat(row.getStruct(1).getString(4)).isEqualTo("file:/data/big/dump.jsonl#line=" + (i + 1));
    }
    Thread.sleep(200);
    // the reader is ahead by at most the hand-over and its buffers, not by the file
    assertThat(read.get()).isLessThan(4L << 20);
    rows.close();
    assertThat(rows.readerAlive()).isFalse();
    assertThat(rows.hasNext()).isFalse();
  }

  @Test
  void everyRecordOfEveryFileComesThroughInOrder() {
    InputFile a = new InputFile(CORPUS, "file:/data/big/a.jsonl", 0);
    InputFile b = new InputFile(CORPUS, "file:/data/big/b.txt", 0);
    InputFile gone = new InputFile(CORPUS, "file:/data/big/gone.txt", 7);
    InputFile badName = new InputFile(CORPUS, "file:/data/big/a:b.txt", 7);
    StreamingFileReader rows = new StreamingFileReader(List.of(a, gone, badName, b), f -> {
      if (f == gone) {
        throw new IOException("vanished");
      }
      if (f == badName) {
        throw new IllegalArgumentException("java.net.URISyntaxException: Relative path in absolute URI: .a:b.txt.crc");
      }
      String content = f == a ? LINE.repeat(1_000) + "{broken\n" : "A story of a few words about coal.";
      return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    });
    int articles = 0;
    List<String> rejects = new java.util.ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.getString(0).equals("article")) {
        articles++;
      } else {
        rejects.add(row.getStruct(2).getString(1) + " " + row.getStruct(2).getString(2));
      }
    }
    assertThat(articles).isEqualTo(1_001);
    assertThat(rejects).containsExactly("file:/data/big/a.jsonl#line=1001 unparseable",
        "file:/data/big/gone.txt unreadable", "file:/data/big/a:b.txt unreadable");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (rows.readerAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(rows.readerAlive()).as("the reader ends after the last file").isFalse();
  }

  @Test
  void aReaderThatFailsOnOneFileCostsThatFileOnlyButAnErrorOfTheJvmStopsTheTask() {
    InputFile bad = new InputFile(CORPUS, "file:/data/big/bad.jsonl", 9);
    InputFile good = new InputFile(CORPUS, "file:/data/big/good.jsonl", 9);
    StreamingFileReader rows = new StreamingFileReader(List.of(bad, good),
        f -> new ByteArrayInputStream(LINE.getBytes(StandardCharsets.UTF_8)),
        f -> {
          if (f == bad) {
            throw new StackOverflowError("deep regex");
          }
          return new CorpusFileReader(f.corpus());
        });
    List<String> got = new java.util.ArrayList<>();
    rows.forEachRemaining(r -> got.add(r.getString(0) + " " + (r.isNullAt(2) ? r.getStruct(1).getString(4)
        : r.getStruct(2).getString(1) + " " + r.getStruct(2).getString(2) + " " + r.getStruct(2).getString(3))));
    assertThat(got).hasSize(2);
    assertThat(got.get(0)).startsWith("reject file:/data/big/bad.jsonl unparseable the reader failed on this file")
        .contains("StackOverflowError: deep regex");
    assertThat(got.get(1)).isEqualTo("article file:/data/big/good.jsonl#line=1");

    StreamingFileReader dying = new StreamingFileReader(List.of(good),
        f -> new ByteArrayInputStream(LINE.getBytes(StandardCharsets.UTF_8)),
        f -> {
          throw new OutOfMemoryError("simulated");
        });
    assertThatThrownBy(dying::hasNext).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    dying.close();
    assertThat(dying.readerAlive()).isFalse();
  }

  @Test
  void closingBeforeReadingStopsAReaderBlockedOnAFullHandOver() {
    AtomicLong read = new AtomicLong();
    InputFile file = new InputFile(CORPUS, "file:/data/big/dump.jsonl", 1L << 30);
    StreamingFileReader rows = new StreamingFileReader(List.of(file), f -> new EndlessJsonLines(1L << 30, read),
        f -> new CorpusFileReader(f.corpus()));
    rows.close();
    assertThat(rows.readerAlive()).isFalse();
  }
}
