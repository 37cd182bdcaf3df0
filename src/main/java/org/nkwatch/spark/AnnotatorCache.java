package org.nkwatch.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.config.ConfigBundle;

/**
 * Gazetteer and taxonomy are built once per executor JVM per configuration, not per record or partition;
 * each task then makes its own (cheap, not thread-safe) annotator over them.
 */
final class AnnotatorCache {
  private static final ConcurrentHashMap<String, DocumentAnnotator.Resources> RESOURCES = new ConcurrentHashMap<>();
  /** Counted for ModelsLoadOnceIT: resources built in this JVM, and annotators made over them (one per task). */
  private static final AtomicLong RESOURCES_BUILT = new AtomicLong();
  private static final AtomicLong ANNOTATORS_MADE = new AtomicLong();

  private AnnotatorCache() {
  }

  static DocumentAnnotator annotator(ConfigBundle bundle) {
    DocumentAnnotator.Resources resources =
        RESOURCES.computeIfAbsent(bundle.fingerprint(), k -> {
          RESOURCES_BUILT.incrementAndGet();
          return DocumentAnnotator.Resources.of(bundle);
        });
    ANNOTATORS_MADE.incrementAndGet();
    return new DocumentAnnotator(resources.gazetteer(), resources.taxonomy());
  }

  static long resourcesBuilt() {
    return RESOURCES_BUILT.get();
  }

  static long annotatorsMade() {
    return ANNOTATORS_MADE.get();
  }
}
