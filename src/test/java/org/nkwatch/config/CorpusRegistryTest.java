package org.nkwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The corpus registry: the project's own file, defaults, path resolution and error messages. */
class CorpusRegistryTest {
  private static final String ROOT = "/data/nk";

  @Test
  void theProjectRegistryDescribesTheDevelopmentCorpora() throws IOException {
    List<CorpusSpec> specs = CorpusRegistry.load(Path.of("conf/corpora.yaml"), ROOT);
    Map<String, CorpusSpec> byName = specs.stream().collect(Collectors.toMap(CorpusSpec::name, Function.identity()));
    assertThat(byName.keySet()).containsExactlyInAnyOrder("kcna-2011-2012", "kcna-2024", "rodong-2021-2022",
        "dailynk-seed", "yonhap-seed");

    CorpusSpec kcna = byName.get("kcna-2011-2012");
    assertThat(kcna.paths()).containsExactly("/data/nk/kcna-2011-2012/*.csv");
    assertThat(kcna.format()).isEqualTo("csv");
    assertThat(kcna.publisher()).isEqualTo("KCNA");
    assertThat(kcna.sourceType()).isEqualTo("state_media");
    assertThat(kcna.language()).isEqualTo("en");
    assertThat(kcna.dateFormat()).isEqualTo("yyyy-MM-dd");
    assertThat(kcna.fields().text()).containsExactly("story");
    assertThat(kcna.fields().url()).containsExactly("index.link");
    assertThat(kcna.fields().byline()).as("not listed: the default").isEqualTo(FieldMapping.DEFAULT.byline());

    assertThat(byName.get("kcna-2024").fields().date()).containsExactly("date", "date_str");
    assertThat(byName.get("rodong-2021-2022").fields().date()).as("no date field").isEmpty();
    assertThat(byName.get("rodong-2021-2022").publisher()).isEqualTo("Rodong Sinmun");
    assertThat(byName.get("dailynk-seed").sourceType()).isEqualTo("defector_network");
    assertThat(byName.get("dailynk-seed").publisher()).isEqualTo("Daily NK");
    assertThat(byName.get("yonhap-seed").sourceType()).isEqualTo("wire_or_newspaper");
    assertThat(byName.get("yonhap-seed").paths()).containsExactly("/data/nk/seeds/003_*.txt");
  }

  @Test
  void defaultsForAMinimalCorpus() {
    CorpusSpec spec = parse("corpora:\n  - name: mine\n    paths: articles/\n").get(0);
    assertThat(spec.paths()).containsExactly("/data/nk/articles/");
    assertThat(spec.format()).isEqualTo("auto");
    assertThat(spec.sourceType()).isEqualTo("unknown");
    assertThat(spec.fields()).isEqualTo(FieldMapping.DEFAULT);
    assertThat(spec.publisher()).isNull();
    assertThat(spec.language()).isNull();
    assertThat(spec.dateFormat()).isNull();
  }

  @Test
  void pathsResolveAgainstTheRootUnlessAbsoluteOrUris() {
    String yaml = "corpora:\n  - name: mixed\n    paths: [a/*.csv, ./b.json, /abs/c.txt, 's3a://bucket/d/', 'hdfs://nn:8020/e', 'file:/f']\n";
    assertThat(CorpusRegistry.parse(yaml, "r.yaml", "hdfs://nn:8020/corpora/").get(0).paths()).containsExactly(
        "hdfs://nn:8020/corpora/a/*.csv", "hdfs://nn:8020/corpora/b.json", "/abs/c.txt", "s3a://bucket/d/",
        "hdfs://nn:8020/e", "file:/f");
    assertThat(CorpusRegistry.parse(yaml, "r.yaml", "relative/root").get(0).paths().get(0))
        .isEqualTo(Path.of("relative/root").toAbsolutePath().normalize() + "/a/*.csv");
  }

  @Test
  void fieldsGivenAsSingleNamesOrLists() {
    CorpusSpec spec = parse("corpora:\n  - name: f\n    paths: x\n    fields: {text: body, title: [headline, title]}\n")
        .get(0);
    assertThat(spec.fields().text()).containsExactly("body");
    assertThat(spec.fields().title()).containsExactly("headline", "title");
    assertThat(spec.fields().date()).isEqualTo(FieldMapping.DEFAULT.date());
  }

  @Test
  void anUnknownKeyNamesFileLineCorpusAndKey() {
    String yaml = "corpora:\n  - name: kcna\n    paths: [x]\n    sourcetype: state_media\n";
    assertThatThrownBy(() -> CorpusRegistry.parse(yaml, "conf/corpora.yaml", ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("conf/corpora.yaml:4: corpus 'kcna': unknown key 'sourcetype' (expected one of "
            + CorpusRegistry.CORPUS_KEYS + ")");
  }

  @Test
  void wrongValuesAreNamed() {
    assertError("corpora:\n  - name: a\n    paths: x\n    source_type: state\n",
        "r.yaml:4: corpus 'a': unknown source_type 'state' (expected one of ");
    assertError("corpora:\n  - name: a\n    paths: x\n    format: xml\n",
        "r.yaml:4: corpus 'a': unknown format 'xml' (expected one of ");
    // named once, not wrapped in the corpus's own prefix a second time
    assertError("corpora:\n  - name: a\n    paths: x\n    publisher: {b: c}\n",
        "r.yaml:4: corpus 'a': 'publisher' must be a single value, found a map");
    assertError("corpora:\n  - name: a\n    paths: x\n    date_format: yyyy-MM-dd pp\n",
        "r.yaml:4: corpus 'a': date_format 'yyyy-MM-dd pp' is not a java.time pattern");
    assertError("corpora:\n  - name: a\n    paths: x\n    language: English\n",
        "r.yaml:4: corpus 'a': language 'English' is not an ISO 639 code");
    assertError("corpora:\n  - name: a\n    paths: x\n    fields: {body: [text]}\n",
        "r.yaml:4: corpus 'a': unknown key 'body' (expected one of [text, title, date, url, byline, language])");
    assertError("corpora:\n  - name: a\n    paths: x\n    fields: {text: [{a: b}]}\n",
        "r.yaml:4: corpus 'a': 'fields.text' must list names, item 1 is a map");
    assertError("corpora:\n  - name: Bad Name\n    paths: x\n",
        "r.yaml:2: corpus 'Bad Name': corpus name 'Bad Name' must be lowercase");
  }

  @Test
  void missingAndDuplicateEntries() {
    assertError("corpora:\n  - name: a\n", "r.yaml:2: corpus 'a': 'paths' is required");
    assertError("corpora:\n  - paths: x\n", "r.yaml:2: corpus '#1': 'name' is required");
    assertError("corpora:\n  - name: a\n    paths: x\n  - name: a\n    paths: y\n",
        "r.yaml:4: corpus 'a': corpus name 'a' is used twice");
    assertError("corpora: []\n", "r.yaml:1: 'corpora' must be a non-empty list, found an empty one");
    assertError("- name: a\n", "r.yaml:1: the registry must be a map with a 'corpora' list, found a list");
    assertError("corpus:\n  - name: a\n", "r.yaml:1: unknown key 'corpus' (expected one of [corpora])");
  }

  @Test
  void yamlSyntaxErrorsGiveTheLine() {
    assertError("corpora:\n  - name: a\n    paths: [x\n  - name: b\n", "r.yaml:4: not valid YAML");
    assertError("corpora:\n  - name: a\n    name: b\n    paths: x\n", "r.yaml:3: not valid YAML");
  }

  @Test
  void typeTagsAreNotObeyed() {
    String yaml = "corpora:\n  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n";
    assertThatThrownBy(() -> CorpusRegistry.parse(yaml, "evil.yaml", ROOT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("evil.yaml:2: not valid YAML");
  }

  @Test
  void aBlankDataRootIsRefused() {
    assertThatThrownBy(() -> CorpusRegistry.parse("corpora:\n  - name: a\n    paths: x\n", "r.yaml", " "))
        .hasMessageContaining(CorpusRegistry.DATA_ROOT_ENV);
  }

  private static List<CorpusSpec> parse(String yaml) {
    return CorpusRegistry.parse(yaml, "r.yaml", ROOT);
  }

  private static void assertError(String yaml, String messageStart) {
    assertThatThrownBy(() -> CorpusRegistry.parse(yaml, "r.yaml", ROOT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(messageStart);
  }

  @Test
  void howACorpusReadsItsFilesChangesWithEverythingButItsPaths() {
    CorpusSpec kcna = new CorpusSpec("kcna", List.of("kcna/*.csv"), "csv", FieldMapping.DEFAULT, "yyyy-MM-dd", "KCNA",
        "state_media", "en");
    FieldMapping fields = FieldMapping.DEFAULT;
    List<CorpusSpec> edits = List.of(
        new CorpusSpec("kcna-en", kcna.paths(), "csv", fields, "yyyy-MM-dd", "KCNA", "state_media", "en"),
        new CorpusSpec("kcna", kcna.paths(), "auto", fields, "yyyy-MM-dd", "KCNA", "state_media", "en"),
        new CorpusSpec("kcna", kcna.paths(), "csv", new FieldMapping(List.of("story"), fields.title(), fields.date(),
            fields.url(), fields.byline(), fields.language()), "yyyy-MM-dd", "KCNA", "state_media", "en"),
        new CorpusSpec("kcna", kcna.paths(), "csv", fields, "dd/MM/yyyy", "KCNA", "state_media", "en"),
        new CorpusSpec("kcna", kcna.paths(), "csv", fields, "yyyy-MM-dd", null, "state_media", "en"),
        new CorpusSpec("kcna", kcna.paths(), "csv", fields, "yyyy-MM-dd", "KCNA", "government", "en"),
        new CorpusSpec("kcna", kcna.paths(), "csv", fields, "yyyy-MM-dd", "KCNA", "state_media", null));
    assertThat(edits).extracting(CorpusSpec::reading).doesNotContain(kcna.reading()).doesNotHaveDuplicates();
    assertThat(new CorpusSpec("kcna", List.of("/data/kcna"), "csv", fields, "yyyy-MM-dd", "KCNA", "state_media", "en")
        .reading()).as("other paths, read the same way").isEqualTo(kcna.reading());
  }
}
