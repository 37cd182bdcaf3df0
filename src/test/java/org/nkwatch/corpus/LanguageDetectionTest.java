package org.nkwatch.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nkwatch.corpus.IngestFixtures.read;
import static org.nkwatch.corpus.IngestFixtures.readResource;
import static org.nkwatch.corpus.IngestFixtures.spec;

import org.junit.jupiter.api.Test;
import org.nkwatch.corpus.IngestFixtures.Collected;

/** Language: the record's label when plausible, else detection, else the corpus' fallback. */
class LanguageDetectionTest {
  private static final String ENGLISH = "The Supreme People's Assembly adopted a law on the protection of forests "
      + "and called on all citizens to plant more trees in the spring season.";
  private static final String SPANISH = "La Asamblea Popular Suprema aprobo una ley sobre la proteccion de los "
      + "bosques y pidio a todos los ciudadanos plantar mas arboles en la temporada de primavera.";
  private static final String KOREAN = "최고인민회의는 산림 보호에 관한 법을 채택하고 모든 공민들이 봄철에 나무를 더 많이 심을 것을 호소하였다.";

  @Test
  void detectsEnglishSpanishAndKorean() {
    assertThat(read(spec("text"), "en.txt", ENGLISH).article().language()).isEqualTo("en");
    assertThat(read(spec("text"), "es.txt", SPANISH).article().language()).isEqualTo("es");
    assertThat(read(spec("text"), "ko.txt", KOREAN).article().language()).isEqualTo("ko");
  }

  @Test
  void plainEnglishProseIsRecognisedWithoutTheModelAndNothingElseIs() {
    assertThat(LanguageIdentifier.plainlyEnglish(ENGLISH)).isTrue();
    assertThat(LanguageIdentifier.plainlyEnglish(SPANISH)).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish("Kim Jong Un, Pak Pong Ju, Choe Ryong Hae.")).as("names only").isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish("Le ministre de la Defense et le chef du Parti ont visite "
        + "la ville, et les habitants de la province ont salue la delegation du Parti.")).as("French").isFalse();
    // a Spanish story that quotes English names and a few English words is still not plain English
    assertThat(LanguageIdentifier.plainlyEnglish("El presidente de la Comision de Asuntos Estatales "
        + "visito the Kim Il Sung University con los delegados y la prensa, que informo por la noche.")).isFalse();
  }

  @Test
  void plainSpanishProseIsRecognisedWithoutTheModelAndItsNeighboursAreNot() {
    assertThat(LanguageIdentifier.plainlySpanish(SPANISH + " El ministro dijo que la ley fue aprobada por "
        + "unanimidad y que los trabajos empezaran con la llegada de las lluvias.")).isTrue();
    assertThat(LanguageIdentifier.plainlySpanish(SPANISH)).as("too few function words to be sure").isFalse();
    assertThat(LanguageIdentifier.plainlySpanish(ENGLISH)).isFalse();
    assertThat(LanguageIdentifier.plainlySpanish("Kim Jong Un, Pak Pong Ju, Choe Ryong Hae.")).as("names only").isFalse();
    java.util.Map<String, String> neighbours = java.util.Map.of(
        "Portuguese", "O ministro da Defesa e o chefe do Partido visitaram a cidade, e os moradores da provincia "
            + "saudaram a delegacao com uma festa para todos no centro da cidade.",
        "Italian", "Il ministro della Difesa e il capo del Partito hanno visitato la citta, e gli abitanti della "
            + "provincia hanno salutato la delegazione con una festa per tutti.",
        "French", "Le ministre de la Defense et le chef du Parti ont visite la ville, et les habitants de la "
            + "province ont salue la delegation avec une fete pour tous.",
        "Catalan", "El ministre de la Defensa i el cap del Partit van visitar la ciutat, i els habitants de la "
            + "provincia van saludar la delegacio amb una festa per a tots.");
    neighbours.forEach((language, text) -> assertThat(LanguageIdentifier.plainlySpanish(text)).as(language).isFalse());
    // an English story quoting a Spanish title is still English
    assertThat(LanguageIdentifier.plainlySpanish("The delegation of the Latin American party presented the book "
        + "El camino de la revolucion y el socialismo to the library of the university in the capital.")).isFalse();
  }

  @Test
  void aShortSpanishStoryOfNamesLabelledEnglishIsSpanish() {
    // made up on the pattern of six KCNA stories the model left "en": titles and names, few words of prose
    String story = "El presidente del Presidium de la Asamblea Popular Suprema, Kim Yong Nam, recibio el dia 9 "
        + "al embajador de Laos, Khamphan Simmalavong, con motivo del fin de su mision y sus acompanantes.";
    assertThat(LanguageIdentifier.plainlySpanish(story)).isTrue();
    String jsonl = "{\"text\": \"" + story + "\", \"language\": \"en\"}\n";
    assertThat(read(spec("jsonl"), "l.jsonl", jsonl).article().language()).isEqualTo("es");
  }

  @Test
  void scriptDecidesForHangulAndKana() {
    assertThat(read(spec("text"), "ko.txt", "김정은 동지 공장 현지지도").article().language()).isEqualTo("ko");
    assertThat(read(spec("text"), "ja.txt", "北朝鮮はミサイルを発射した。").article().language()).isEqualTo("ja");
    assertThat(LanguageIdentifier.byScript("Kim Jong Un (김정은) visited a farm in the province.")).isNull();
  }

  @Test
  void aSpanishStoryLabelledEnglishComesOutSpanish() {
    Collected c = readResource(spec("auto"), "state-media.csv");
    assertThat(c.article("#row=3").language()).isEqualTo("es");
    assertThat(c.article("#row=1").language()).isEqualTo("en");
  }

  @Test
  void aPlausibleLabelIsKept() {
    String jsonl = "{\"text\": \"" + SPANISH + "\", \"language\": \"spa\"}\n"
        + "{\"text\": \"Kim Jong Un, Pak Pong Ju, Choe Ryong Hae.\", \"lang\": \"es\"}\n";
    Collected c = read(spec("jsonl"), "l.jsonl", jsonl);
    assertThat(c.article("#line=1").language()).as("639-2 label").isEqualTo("es");
    assertThat(c.article("#line=2").language()).as("a list of names proves nothing").isEqualTo("es");
  }

  @Test
  void anUnknownLabelIsIgnored() {
    String jsonl = "{\"text\": \"" + ENGLISH + "\", \"language\": \"unknown\"}\n";
    assertThat(read(spec("jsonl"), "l.jsonl", jsonl).article().language()).isEqualTo("en");
  }

  @Test
  void theCorpusLanguageWhenDetectionIsNotConfident() {
    String shortText = "Kim Yong Nam, Choe Thae Bok.";
    assertThat(read(spec("text", null, null, "en"), "s.txt", shortText).article().language()).isEqualTo("en");
    assertThat(read(spec("text"), "s.txt", shortText).article().language()).isNull();
  }

  @Test
  void isoCodesToTwoLetters() {
    assertThat(IsoLanguageCodes.toIso1("eng")).isEqualTo("en");
    assertThat(IsoLanguageCodes.toIso1("spa")).isEqualTo("es");
    assertThat(IsoLanguageCodes.toIso1("kor")).isEqualTo("ko");
    assertThat(IsoLanguageCodes.toIso1("cmn")).isEqualTo("zh");
    assertThat(IsoLanguageCodes.toIso1("jpn")).isEqualTo("ja");
    assertThat(IsoLanguageCodes.toIso1("rus")).isEqualTo("ru");
    assertThat(IsoLanguageCodes.toIso1("deu")).isEqualTo("de");
    assertThat(IsoLanguageCodes.toIso1("ger")).isEqualTo("de");
    assertThat(IsoLanguageCodes.toIso1("heb")).isEqualTo("he");
    assertThat(IsoLanguageCodes.toIso1("pes")).isEqualTo("fa");
    assertThat(IsoLanguageCodes.toIso1("EN-us")).isEqualTo("en");
    assertThat(IsoLanguageCodes.toIso1("Spanish")).isEqualTo("es");
    assertThat(IsoLanguageCodes.toIso1("ceb")).as("no two-letter code").isEqualTo("ceb");
    assertThat(IsoLanguageCodes.toIso1("xx")).isNull();
    assertThat(IsoLanguageCodes.toIso1(null)).isNull();
  }

  @Test
  void everyLanguageOfTheModelMapsToACode() {
    LanguageIdentifier identifier = new LanguageIdentifier();
    for (opennlp.tools.langdetect.Language l : identifier.rank(ENGLISH)) {
      assertThat(IsoLanguageCodes.toIso1(l.getLang())).as(l.getLang()).isNotNull();
    }
  }
}
