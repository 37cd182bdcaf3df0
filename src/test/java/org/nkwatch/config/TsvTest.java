package org.nkwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tab-separated config reader: a header column nobody reads is an error, optional ones may be left out. */
class TsvTest {
  private static final List<String> REQUIRED = List.of("key", "name");
  private static final List<String> KNOWN = List.of("key", "name", "aliases", "notes");

  @Test
  void anUnknownColumnIsNamedWithTheKnownOnes() {
    String text = "# people\n\nkey\tname\talias\nkim-jong-un\tKim Jong Un\tKim Jong-eun\n";
    assertThatThrownBy(() -> Tsv.parse("gazetteer/people.tsv", text, REQUIRED, KNOWN))
        .isInstanceOf(ConfigException.class)
        .hasMessage("gazetteer/people.tsv:3: unknown column 'alias' (expected one of [key, name, aliases, notes])");
  }

  @Test
  void optionalColumnsMayBeLeftOutAndCaseIsIgnored() {
    List<Tsv.Row> rows = Tsv.parse("f.tsv", "Key\tNAME\nkim-jong-un\tKim Jong Un\n", REQUIRED, KNOWN);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("name")).isEqualTo("Kim Jong Un");
    assertThat(rows.get(0).list("aliases")).isEmpty();

    rows = Tsv.parse("f.tsv", "key\tname\taliases\nkim-jong-un\tKim Jong Un\tKim Jong-eun; Kim Jong-un\n", REQUIRED, KNOWN);
    assertThat(rows.get(0).list("aliases")).containsExactly("Kim Jong-eun", "Kim Jong-un");
  }

  @Test
  void aTrailingTabInTheHeaderIsNoColumn() {
    List<Tsv.Row> rows = Tsv.parse("f.tsv", "key\tname\t\nkim-jong-un\tKim Jong Un\t\n", REQUIRED, KNOWN);
    assertThat(rows).singleElement().extracting(r -> r.get("name")).isEqualTo("Kim Jong Un");
  }

  @Test
  void aMissingRequiredColumnIsStillNamed() {
    assertThatThrownBy(() -> Tsv.parse("f.tsv", "key\taliases\nx\ty\n", REQUIRED, KNOWN))
        .hasMessageStartingWith("f.tsv:1: header lacks column 'name'");
  }
}
