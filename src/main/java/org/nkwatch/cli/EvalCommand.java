package org.nkwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nkwatch.classify.DocumentAnnotator;
import org.nkwatch.classify.Evaluator;
import org.nkwatch.classify.GoldEvaluation;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.CorpusRegistry;
import org.nkwatch.config.CorpusSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Score the annotator against a gold file (no Spark): reads only the gold's articles, "
        + "annotates them, and prints precision, recall and F1 per kind over (document, canonical key) "
        + "pairs, then the misses and false hits.",
        "Gold file: TSV with columns corpus, locator_suffix, kind, keys (';'-separated); a line '# kinds: SANCTION THEME' limits the kinds it scores."})
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--gold", paramLabel = "FILE", required = true,
      description = "A gold TSV file; repeat it to score several files as one set.")
  List<Path> golds;

  @Option(names = "--registry", paramLabel = "FILE", defaultValue = "conf/corpora.yaml",
      description = "The corpus registry. Default: ${DEFAULT-VALUE}.")
  Path registry;

  @Option(names = "--data-root", paramLabel = "DIR",
      description = "What relative paths in the registry resolve against. Default: $NKWATCH_DATA_ROOT, else ../shared/data.")
  String dataRoot;

  @Option(names = "--conf", paramLabel = "DIR",
      description = "A conf folder with gazetteer/ and taxonomy/. Default: the packaged configuration.")
  Path conf;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    String root = dataRoot != null ? dataRoot : System.getenv(CorpusRegistry.DATA_ROOT_ENV);
    if (root == null || root.isBlank()) {
      root = "../shared/data";
    }
    List<List<Evaluator.GoldDoc>> files = new java.util.ArrayList<>();
    for (Path gold : golds) {
      if (!Files.isRegularFile(gold)) {
        throw new IllegalArgumentException("gold file not found: " + gold);
      }
      files.add(Evaluator.readGold(gold));
    }
    List<Evaluator.GoldDoc> docs = Evaluator.merge(files);
    List<CorpusSpec> corpora = CorpusRegistry.load(registry, Path.of(root).toAbsolutePath().normalize().toString());
    ConfigBundle bundle = conf != null ? ConfigBundle.fromDirectory(conf) : ConfigBundle.packaged();
    Evaluator.Result result = GoldEvaluation.run(docs, corpora, DocumentAnnotator.fromConfig(bundle));
    System.out.println("gold: " + golds + " (" + docs.size() + " documents)");
    System.out.print(result.report());
    return result.unmatched().isEmpty() ? 0 : 1;
  }
}
