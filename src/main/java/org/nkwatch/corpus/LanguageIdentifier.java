package org.nkwatch.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Decides an article's language (ISO 639-1) with OpenNLP's language detector and the langdetect model
 * from {@code opennlp-models-langdetect}, loaded once per JVM on first use (the model is thread-safe;
 * this class, like the {@code LanguageDetectorME} it holds, is not: one per reader).
 *
 * <p>Precedence: the record's own language field when it is a known code and the text does not clearly
 * say otherwise; else the detected language when detection is confident; else the corpus' fallback.
 * A text mostly in Hangul is Korean and one with kana Japanese, whatever the model says: the model's
 * probabilities for short Hangul text stay near 0.02, below any useful threshold.
 * The KCNA 2011-2012 export labels hundreds of Spanish stories "en": detection overrules such labels.
 * Plain English prose, recognised by its function words, skips the model: on KCNA 2011-2012, Rodong and
 * KCNA 2024 that is 21,313 of 21,476 English articles, and the model named another language for none of
 * them (for 80 it was unsure, and the label or the corpus said English). Plain Spanish prose, labelled
 * Spanish, English or nothing, skips it too ({@link #plainlySpanish}).
 */
final class LanguageIdentifier {
  static final String MODEL_RESOURCE = "/langdetect-183.bin";
  /**
   * Detection reads at most this many characters from the start of the text. Measured on KCNA 2011-2012:
   * 400 characters rank the language as well as the whole text does, at a third of the cost of 1,000.
   */
  static final int SAMPLE_CHARS = 400;
  /** A detection at least this probable is confident... */
  static final double CONFIDENT = 0.5;
  /** ...and so is one at least this probable that is {@link #MARGIN} times as probable as the runner-up. */
  static final double PLAUSIBLE = 0.1;
  static final double MARGIN = 2.0;
  /**
   * A record's label gives way when the detected language is at least {@link #PLAUSIBLE} and this many
   * times as probable as the label's. Measured on KCNA 2011-2012 (22,337 stories with text, 835 of them
   * Spanish labelled "en"): 3 overrules 824 of the 835 and no English story; 2 overrules an English one,
   * 4 leaves 18 Spanish ones "en". The {@link #PLAUSIBLE} floor keeps labels on short lists of names.
   */
  static final double OVERRULE_RATIO = 3.0;

  private final LanguageDetectorME detector = new LanguageDetectorME(ModelHolder.MODEL);

  private static final class ModelHolder {
    static final LanguageDetectorModel MODEL = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("language model " + MODEL_RESOURCE
              + " is not on the classpath: add org.apache.opennlp:opennlp-models-langdetect");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
      }
    }
  }

  /**
   * @param labelled the record's language field (any code or name), or null
   * @param text     the normalised article text
   * @param fallback the corpus' language, or null
   * @return an ISO 639-1 code (639-3 when there is no 639-1 code), or null when nothing is known
   */
  String decide(String labelled, String text, String fallback) {
    String label = IsoLanguageCodes.toIso1(labelled);
    String sample = sample(text);
    String byScript = byScript(sample);
    if (byScript != null) {
      return byScript;
    }
    if ((label == null || label.equals("en")) && plainlyEnglish(sample)) {
      return "en";  // the model costs more than the rest of reading a record, and would say the same
    }
    if ((label == null || label.equals("es") || label.equals("en")) && plainlySpanish(sample)) {
      // the model says Spanish for these too, or keeps a wrong "en" label on a short story full of names
      return "es";
    }
    return byModel(label, sample, fallback);
  }

  private String byModel(String label, String sample, String fallback) {
    Language[] ranked = detector.predictLanguages(sample);
    Language top = ranked[0];
    String detected = IsoLanguageCodes.toIso1(top.getLang());
    if (label != null) {
      if (detected == null || detected.equals(label)) {
        return label;
      }
      boolean overruled = top.getConfidence() >= PLAUSIBLE
          && top.getConfidence() >= OVERRULE_RATIO * probabilityOf(ranked, label);
      return overruled ? detected : label;
    }
    if (detected != null && confident(ranked)) {
      return detected;
    }
    String fallbackCode = IsoLanguageCodes.toIso1(fallback);
    return fallbackCode != null ? fallbackCode : null;
  }

  static final int PLAINLY_WORDS = 6;
  /** The commonest English words: English's own in one test, the words Spanish lacks in the other. */
  private static final java.util.List<String> COMMONEST_ENGLISH = java.util.List.of(
      "the", "of", "and", "to", "in", "was", "is", "for", "on", "with", "by", "that", "as", "at", "from");
  /** English words too common to be absent from English prose and rare in other languages' prose. */
  private static final java.util.Set<String> ENGLISH_FUNCTION_WORDS = withCommonestEnglish(
      "his", "were", "are", "has", "have", "it", "which", "this", "be", "an", "its", "their", "who", "he", "had",
      "been", "will", "not", "they", "we", "our", "said", "under", "over", "into", "against");
  /** Words of other Latin-script languages (Spanish first: the KCNA corpus mixes it in) that English lacks. */
  private static final java.util.Set<String> OTHER_FUNCTION_WORDS = java.util.Set.of(
      "el", "la", "los", "las", "del", "que", "por", "con", "para", "una", "les", "et", "du", "est", "une",
      "der", "und", "das", "ist", "che", "och", "não", "naar", "het");

  private static java.util.Set<String> withCommonestEnglish(String... words) {
    java.util.List<String> all = new java.util.ArrayList<>(COMMONEST_ENGLISH);
    all.addAll(java.util.List.of(words));
    return java.util.Set.copyOf(all);
  }

  /**
   * True when the sample is plainly English prose: at least {@link #PLAINLY_WORDS} English function
   * words, and over three times as many as common words of other Latin-script languages (a stray "la" in a
   * name does not count against it). Such a text needs no model (it said English for every
   * one of them on KCNA 2011-2012; LanguageDetectionTest), and most articles are such texts.
   */
  static boolean plainlyEnglish(String sample) {
    return plainly(sample, ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS);
  }

  /** Words of Spanish prose that English, Portuguese, Italian, French and Catalan prose use little or not at all. */
  private static final java.util.Set<String> SPANISH_FUNCTION_WORDS = java.util.Set.of(
      "el", "los", "las", "del", "y", "con", "por", "para", "una", "al", "su", "sus", "fue", "como", "entre");
  /** Common words of English and of the Romance languages nearest Spanish, that Spanish lacks. */
  private static final java.util.Set<String> NOT_SPANISH_FUNCTION_WORDS = withCommonestEnglish(
      "do", "da", "dos", "das", "os", "em", "um", "uma", "não", "e", "no", "na",
      "il", "di", "che", "gli", "della", "nel", "sono", "per",
      "le", "les", "des", "du", "et", "est", "une", "dans", "aux",
      "els", "amb", "i");

  /**
   * True when the sample is plainly Spanish prose, by the same rule as {@link #plainlyEnglish}. On the real
   * corpora that is 2,738 stories (1,940 labelled "es", 798 labelled "en"); the model said Spanish for all but
   * six, short ones full of names labelled "en", which it left English (five) or called Esperanto, and which
   * are Spanish. It saves nine model calls in ten on KCNA 2011-2012.
   */
  static boolean plainlySpanish(String sample) {
    return plainly(sample, SPANISH_FUNCTION_WORDS, NOT_SPANISH_FUNCTION_WORDS);
  }

  /**
   * At least {@link #PLAINLY_WORDS} of the language's own function words, and over three times as many
   * as of the others (a stray "la" in a name does not count against English).
   */
  private static boolean plainly(String sample, java.util.Set<String> own, java.util.Set<String> others) {
    int mine = 0;
    int other = 0;
    int start = -1;
    for (int i = 0; i <= sample.length(); i++) {
      boolean letter = i < sample.length() && Character.isLetter(sample.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        String word = sample.substring(start, i).toLowerCase(java.util.Locale.ROOT);
        start = -1;
        if (others.contains(word)) {
          other++;
        } else if (own.contains(word)) {
          mine++;
        }
      }
    }
    return mine >= PLAINLY_WORDS && mine > 3 * other;
  }

  /** The first Hangul code point (Jamo); kana come later still. */
  private static final int FIRST_HANGUL = 0x1100;

  /** "ko" when most letters are Hangul, "ja" when a fifth are kana, else null. */
  static String byScript(String sample) {
    int letters = 0;
    int hangul = 0;
    int kana = 0;
    for (int i = 0; i < sample.length(); ) {
      int c = sample.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      if (c < FIRST_HANGUL) {
        continue;                     // Latin, Greek, Cyrillic...: no need to look the script up (a binary search)
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.HANGUL) {
        hangul++;
      } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
        kana++;
      }
    }
    if (letters == 0) {
      return null;
    }
    if (hangul * 2 > letters) {
      return "ko";
    }
    return kana * 5 >= letters ? "ja" : null;
  }

  private static boolean confident(Language[] ranked) {
    double top = ranked[0].getConfidence();
    double second = ranked.length > 1 ? ranked[1].getConfidence() : 0;
    return top >= CONFIDENT || top >= PLAUSIBLE && top >= MARGIN * second;
  }

  /** The detector's ranking for a text, best first (for diagnostics and tests). */
  Language[] rank(String text) {
    return detector.predictLanguages(sample(text));
  }

  private static double probabilityOf(Language[] ranked, String iso1) {
    double p = 0;
    for (Language l : ranked) {
      if (iso1.equals(IsoLanguageCodes.toIso1(l.getLang()))) {
        p += l.getConfidence();
      }
    }
    return p;
  }

  private static String sample(String text) {
    if (text.length() <= SAMPLE_CHARS) {
      return text;
    }
    int end = text.lastIndexOf(' ', SAMPLE_CHARS);
    return text.substring(0, end > SAMPLE_CHARS / 2 ? end : SAMPLE_CHARS);
  }
}
