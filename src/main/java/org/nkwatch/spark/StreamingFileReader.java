package org.nkwatch.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.nkwatch.corpus.CorpusFileReader;
import org.nkwatch.corpus.IngestSink;
import org.nkwatch.model.Article;
import org.nkwatch.model.Reject;
import org.nkwatch.model.RejectReason;

/**
 * The rows of a task's input files as a stream: {@link CorpusFileReader} pushes records into a sink, Spark
 * pulls rows from an iterator, and a bounded hand-over between the two keeps at most {@link #IN_FLIGHT}
 * rows in memory, whatever the size of the files. (Collecting the rows of a partition in a list before
 * returning them held a whole multi-gigabyte dump in the executor's heap.)
 *
 * <p>The reader runs in a daemon thread of its own; {@link #close()} (called when the task completes,
 * succeeds or fails) stops it. An error in the reader is thrown from {@link #hasNext()} in the task's
 * thread, as it would be without the hand-over; a file that cannot be opened or read is a reject
 * {@code UNREADABLE}, as before, and a file on which the reader itself fails (an exception, a stack
 * overflow) ends in one reject {@code UNPARSEABLE} naming the error, so that one file cannot stop the run.
 */
final class StreamingFileReader implements Iterator<Row>, AutoCloseable {
  /** Rows handed over and not yet taken: the memory bound (an article is at most a few MB). */
  static final int IN_FLIGHT = 16;

  private static final Object END = new Object();

  /** How to open one input file; the stream is closed by the reader. */
  interface Opener {
    InputStream open(InputFile file) throws IOException;
  }

  private record Failure(Throwable error) {
  }

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final Thread producer;
  private Object next;
  private boolean done;

  StreamingFileReader(List<InputFile> files, Opener opener) {
    this(files, opener, file -> new CorpusFileReader(file.corpus()));
  }

  StreamingFileReader(List<InputFile> files, Opener opener, Function<InputFile, CorpusFileReader> readers) {
    List<InputFile> copy = List.copyOf(files);
    producer = new Thread(() -> produce(copy, opener, readers), "nkwatch-file-reader");
    producer.setDaemon(true);
    producer.start();
  }

  private void produce(List<InputFile> files, Opener opener, Function<InputFile, CorpusFileReader> readers) {
    IngestSink sink = new IngestSink() {
      @Override
      public void article(Article a) {
        hand(RowFactory.create("article", Rows.article(a), null));
      }

      @Override
      public void reject(Reject r) {
        hand(RowFactory.create("reject", null, Rows.reject(r)));
      }
    };
    try {
      for (InputFile file : files) {
        InputStream opened;
        try {
          opened = opener.open(file);
        } catch (IOException | IllegalArgumentException e) {
          // Hadoop refuses some names it listed itself (a ':' in a file name): one reject, not a failed run
          sink.reject(new Reject(file.corpus().name(), file.uri(), RejectReason.UNREADABLE, "cannot open: " + e.getMessage(),
              file.size()));
          continue;
        }
        try (InputStream in = opened) {
          readers.apply(file).read(file.uri(), in, file.size(), sink);
        } catch (IOException e) {
          sink.reject(new Reject(file.corpus().name(), file.uri(), RejectReason.UNREADABLE, String.valueOf(e.getMessage()),
              file.size()));
        } catch (Stopped e) {
          throw e;
        } catch (RuntimeException | StackOverflowError e) {
          // a reader bug met on one file's content: the rest of that file is one reject, the run goes on
          sink.reject(new Reject(file.corpus().name(), file.uri(), RejectReason.UNPARSEABLE,
              "the reader failed on this file (the rest of it is not read; please report it): " + e, file.size()));
        }
      }
      hand(END);
    } catch (Stopped e) {
      // the consumer is gone: nothing more to hand over
    } catch (Throwable t) {
      try {
        hand(new Failure(t));
      } catch (Stopped e) {
        // the consumer is gone
      }
    }
  }

  /** Thrown in the reader's thread when it is interrupted: unwinds the reader without a reject. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("stopped", null, false, false);
    }
  }

  private void hand(Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while reading input files", e);
    }
    if (item == END) {
      done = true;
      return false;
    }
    if (item instanceof Failure f) {
      done = true;
      if (f.error() instanceof RuntimeException r) {
        throw r;
      }
      if (f.error() instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(f.error());
    }
    next = item;
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = (Row) next;
    next = null;
    return row;
  }

  /** Stops the reader (if still running) and waits for it briefly; safe to call more than once. */
  @Override
  public void close() {
    done = true;
    producer.interrupt();
    queue.clear();
    try {
      producer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean readerAlive() {
    return producer.isAlive();
  }
}
