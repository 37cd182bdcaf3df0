package org.nkwatch.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.config.ConfigBundle;

/**
 * Gazetteer and taxonomy are built once per executor JVM per configuration, not per record or partition;
 * each task then makes its own (cheap, not thread-safe) annotator over them.
 */
final class AnnotatorCache {
  private static final ConcurrentHashMap<String, DocumentAnnotator.Resources> RESOURCES = new ConcurrentHashMap<>();

  private AnnotatorCache() {
  }

  static DocumentAnnotator annotator(ConfigBundle bundle) {
    DocumentAnnotator.Resources resources =
        RESOURCES.computeIfAbsent(bundle.fingerprint(), k -> DocumentAnnotator.Resources.of(bundle));
    return new DocumentAnnotator(resources.gazetteer(), resources.taxonomy());
  }
}
