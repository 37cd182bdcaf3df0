package org.nkwatch.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nkwatch.config.CorpusSpec;
import org.nkwatch.corpus.CorpusFileReader;
import org.nkwatch.corpus.IngestSink;
import org.nkwatch.model.Article;
import org.nkwatch.model.MentionKind;
import org.nkwatch.model.Reject;

/**
 * Runs the {@link Evaluator} without Spark: reads only the gold documents' corpora from local files,
 * keeps the articles whose locator ends with a gold suffix, annotates them and scores them.
 */
public final class GoldEvaluation {
  private GoldEvaluation() {
  }

  public static Evaluator.Result run(List<Evaluator.GoldDoc> gold, List<CorpusSpec> corpora,
      DocumentAnnotator annotator) {
    Map<String, Map<MentionKind, Set<String>>> system = new HashMap<>();
    for (CorpusSpec spec : corpora) {
      List<Evaluator.GoldDoc> wanted = gold.stream().filter(g -> g.corpus().equals(spec.name())).toList();
      if (wanted.isEmpty()) {
        continue;
      }
      CorpusFileReader reader = new CorpusFileReader(spec);
      for (Path file : files(spec)) {
        String locator = file.toString();
        // skip files that cannot hold a wanted record (suffixes naming a file name or file#record)
        if (wanted.stream().noneMatch(g -> couldBeIn(g.locatorSuffix(), locator))) {
          continue;
        }
        IngestSink sink = new IngestSink() {
          @Override
          public void article(Article article) {
            for (Evaluator.GoldDoc g : wanted) {
              if (g.matches(spec.name(), article.locator()) && !system.containsKey(g.id())) {
                system.put(g.id(), Evaluator.systemKeys(annotator.annotate(article, spec.sourceType()).mentions()));
              }
            }
          }

          @Override
          public void reject(Reject reject) {
            // rejected records are reported as unmatched gold documents
          }
        };
        try (InputStream in = Files.newInputStream(file)) {
          reader.read(locator, in, Files.size(file), sink);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    }
    return Evaluator.evaluate(gold, system);
  }

  private static boolean couldBeIn(String suffix, String fileLocator) {
    int hash = suffix.indexOf('#');
    String filePart = hash < 0 ? suffix : suffix.substring(0, hash);
    return filePart.isEmpty() || fileLocator.endsWith(filePart);
  }

  /** Expands a corpus's local paths: files, folders, and globs in the last path element. */
  static List<Path> files(CorpusSpec spec) {
    List<Path> out = new ArrayList<>();
    for (String location : spec.paths()) {
      String local = location.startsWith("file:") ? Path.of(URI.create(location)).toString() : location;
      int slash = local.lastIndexOf('/');
      String name = local.substring(slash + 1);
      Path dir = slash < 0 ? Path.of(".") : Path.of(local.substring(0, Math.max(slash, 1)));
      try {
        if (name.matches(".*[*?{\\[].*")) {
          if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, name)) {
              matches.forEach(p -> {
                if (Files.isRegularFile(p)) {
                  out.add(p);
                }
              });
            }
          }
        } else if (Files.isDirectory(Path.of(local))) {
          try (Stream<Path> walk = Files.walk(Path.of(local))) {
            walk.filter(Files::isRegularFile).forEach(out::add);
          }
        } else if (Files.isRegularFile(Path.of(local))) {
          out.add(Path.of(local));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + location, e);
      }
    }
    out.sort(null);
    return out;
  }
}
