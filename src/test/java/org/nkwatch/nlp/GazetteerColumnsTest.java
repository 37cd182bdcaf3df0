package org.nkwatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.ConfigException;

/** The gazetteer files accept only the columns the loader knows: "alias" for "aliases" would drop every alias. */
class GazetteerColumnsTest {
  @Test
  void thePackagedGazetteerUsesOnlyKnownColumns() {
    Gazetteer gazetteer = Gazetteer.load(ConfigBundle.fromDirectory(Path.of("conf")));
    assertThat(gazetteer.lookup("Kim Jong-eun")).as("an alias of the packaged people.tsv").isNotNull();
    assertThat(gazetteer.lookup("Kim Jong-eun").key()).isEqualTo("kim-jong-un");
  }

  @Test
  void aMisspeltColumnIsNamedWithTheKnownOnes() throws IOException {
    String people = Files.readString(Path.of("conf").resolve(ConfigBundle.PEOPLE));
    int header = (int) people.lines().takeWhile(l -> l.isBlank() || l.startsWith("#")).count() + 1;
    String misspelt = people.replaceFirst("\taliases\t", "\talias\t");
    assertThat(misspelt).isNotEqualTo(people);
    assertThatThrownBy(() -> Gazetteer.load(ConfigBundle.of(Map.of(ConfigBundle.PEOPLE, misspelt))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("gazetteer/people.tsv:" + header + ": unknown column 'alias' (expected one of "
            + Gazetteer.ENTRY_COLUMNS + ")");
  }

  @Test
  void aMisspeltSurnameColumnIsNamed() {
    assertThatThrownBy(() -> Gazetteer.load(ConfigBundle.of(Map.of(ConfigBundle.SURNAMES, "surname\tvariant\nKim\tGim\n"))))
        .hasMessage("gazetteer/korean-surnames.tsv:1: unknown column 'variant' (expected one of [surname, variants])");
  }
}
