package org.nkwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run lock on a local output root, against locks written by other processes (live, dead, elsewhere). */
@Timeout(60)
class OutputLockTest {
  private static final Instant STARTED = Instant.parse("2024-05-01T02:00:00Z");

  @TempDir
  Path out;

  private OutputLock acquire(String run) {
    return OutputLock.acquire(out.toString(), run, STARTED, new Configuration());
  }

  private void writeLock(String run, long pid, String host, String started) throws IOException {
    Files.writeString(out.resolve(OutputLock.FILE), "run=" + run + "\npid=" + pid + "\nhost=" + host + "\nstarted="
        + started + "\n", StandardCharsets.ISO_8859_1);
  }

  private Properties lock() throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(out.resolve(OutputLock.FILE))) {
      p.load(in);
    }
    return p;
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.pid();
  }

  @Test
  void theLockNamesItsHolderAndIsReleased() throws IOException {
    try (OutputLock lock = acquire("run-1")) {
      Properties p = lock();
      assertThat(p.getProperty("run")).isEqualTo("run-1");
      assertThat(p.getProperty("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
      assertThat(p.getProperty("host")).isEqualTo(OutputLock.hostName());
      assertThat(p.getProperty("started")).isEqualTo("2024-05-01T02:00:00Z");
    }
    assertThat(out.resolve(OutputLock.FILE)).doesNotExist();
  }

  @Test
  void aLockHeldByAnotherLiveProcessRefusesNamingItsHolderAndStartTime() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      writeLock("run-20240501T010000Z", other.pid(), OutputLock.hostName(), "2024-05-01T01:00:00Z");
      assertThatThrownBy(() -> acquire("run-2")).isInstanceOf(InputException.class)
          .hasMessage("output " + out + " is in use by run run-20240501T010000Z (pid " + other.pid() + " on "
              + OutputLock.hostName() + ", started 2024-05-01T01:00:00Z); wait for it, or delete "
              + new org.apache.hadoop.fs.Path(out.toString(), OutputLock.FILE) + " if that run is dead");
      assertThat(lock().getProperty("pid")).isEqualTo(Long.toString(other.pid()));
    } finally {
      other.destroyForcibly();
      other.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLockWhoseProcessIsGoneIsTakenOver() throws Exception {
    writeLock("run-killed", deadPid(), OutputLock.hostName(), "2024-05-01T01:00:00Z");
    try (OutputLock lock = acquire("run-3")) {
      assertThat(lock().getProperty("run")).isEqualTo("run-3");
    }
    try (var files = Files.list(out)) {
      assertThat(files.toList()).as("nothing left aside").isEmpty();
    }
  }

  @Test
  void aLockFromAnotherHostIsNeverTakenOver() throws Exception {
    writeLock("run-elsewhere", deadPid(), "some-other-host", "2024-05-01T01:00:00Z");
    assertThatThrownBy(() -> acquire("run-4")).isInstanceOf(InputException.class)
        .hasMessageContaining("in use by run run-elsewhere").hasMessageContaining("on some-other-host");
  }

  @Test
  void aLockStillBeingWrittenIsWaitedForNotTakenOver() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      Files.createFile(out.resolve(OutputLock.FILE));
      Thread writer = new Thread(() -> {
        try {
          Thread.sleep(500);
          writeLock("run-just-started", other.pid(), OutputLock.hostName(), "2024-05-01T01:00:00Z");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      writer.start();
      assertThatThrownBy(() -> acquire("run-5")).isInstanceOf(InputException.class)
          .hasMessageContaining("in use by run run-just-started");
      writer.join();
    } finally {
      other.destroyForcibly();
      other.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLockLeftEmptyByAWriterThatDiedIsTakenOverAfterAWhile() throws Exception {
    Files.createFile(out.resolve(OutputLock.FILE));
    try (OutputLock lock = acquire("run-6")) {
      assertThat(lock().getProperty("run")).isEqualTo("run-6");
    }
  }

  @Test
  void ofRunsStartingTogetherExactlyOneGetsTheLock() throws Exception {
    int runs = 8;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<OutputLock>> results = new ArrayList<>();
    try {
      for (int i = 0; i < runs; i++) {
        String run = "run-together-" + i;
        results.add(pool.submit(() -> {
          go.await();
          return acquire(run);
        }));
      }
      go.countDown();
      int won = 0;
      int refused = 0;
      for (Future<OutputLock> f : results) {
        try {
          f.get(30, TimeUnit.SECONDS);
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(InputException.class).hasMessageContaining("is in use by run run-together-");
          refused++;
        }
      }
      assertThat(won).isEqualTo(1);
      assertThat(refused).isEqualTo(runs - 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
