package org.nkwatch.corpus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Language codes to ISO 639-1 ("eng", "en", "English", "en-US" all become "en"). Codes with no two-letter
 * equivalent (ISO 639-3 "nds", "ceb") stay as they are. Unknown values give {@code null}.
 */
public final class IsoLanguageCodes {
  private static final Map<String, String> TO_ISO1 = build();

  private IsoLanguageCodes() {
  }

  /** The ISO 639-1 code for a code or English language name, the 639-3 code when there is none, else null. */
  public static String toIso1(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = v.indexOf('-');
    if (dash > 0 && dash <= 3) {
      v = v.substring(0, dash);       // en-US, zh-Hans, es_419
    }
    return TO_ISO1.get(v);
  }

  private static Map<String, String> build() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      Locale locale = Locale.forLanguageTag(iso1);
      map.put(iso1, iso1);
      try {
        map.putIfAbsent(locale.getISO3Language(), iso1);
      } catch (MissingResourceException e) {
        // no three-letter code known to this JVM
      }
      String name = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !name.equals(iso1)) {
        map.putIfAbsent(name, iso1);
      }
    }
    // ISO 639-2/B codes, and 639-3 individual languages the OpenNLP langdetect model uses for macrolanguages
    String[][] extra = {
        {"ger", "de"}, {"fre", "fr"}, {"chi", "zh"}, {"cze", "cs"}, {"dut", "nl"}, {"gre", "el"}, {"per", "fa"},
        {"rum", "ro"}, {"slo", "sk"}, {"wel", "cy"}, {"alb", "sq"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"},
        {"geo", "ka"}, {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"}, {"tib", "bo"},
        {"cmn", "zh"}, {"pes", "fa"}, {"zsm", "ms"}, {"ekk", "et"}, {"lvs", "lv"}, {"swh", "sw"}, {"uzn", "uz"},
        {"azj", "az"}, {"plt", "mg"}, {"pnb", "pa"}, {"arb", "ar"}, {"nob", "nb"}, {"nno", "nn"},
        {"iw", "he"}, {"in", "id"}, {"ji", "yi"},
        {"castilian", "es"}, {"español", "es"}, {"espanol", "es"}, {"korean", "ko"}, {"한국어", "ko"}, {"조선어", "ko"},
        {"chinese", "zh"}, {"mandarin", "zh"}, {"english", "en"}, {"spanish", "es"}, {"russian", "ru"},
        {"japanese", "ja"}, {"french", "fr"}, {"german", "de"}, {"arabic", "ar"}};
    for (String[] pair : extra) {
      map.put(pair[0], pair[1]);
    }
    // 639-3 codes the model knows that have no 639-1 code keep their own
    for (String iso3 : new String[] {"nds", "gsw", "nan", "war", "ceb", "min", "ast", "yue", "fil"}) {
      map.putIfAbsent(iso3, iso3);
    }
    return Map.copyOf(map);
  }
}
