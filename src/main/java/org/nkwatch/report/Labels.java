package org.nkwatch.report;

import java.util.Locale;
import java.util.Map;

/** Display names for the keys of the fixed vocabularies; other keys are shown as words ("food_crisis" -> "Food crisis"). */
public final class Labels {
  private static final Map<String, String> SPECIAL = Map.of(
      "un_sanctions", "UN sanctions",
      "unilateral_sanctions", "Unilateral sanctions",
      "sanctions_evasion", "Sanctions evasion",
      "sanctions_relief", "Sanctions relief",
      "state_media", "State media",
      "defector_network", "Defector network",
      "wire_or_newspaper", "Wire or newspaper",
      "government", "Government",
      "unknown", "Unknown");

  private Labels() {
  }

  /** "revolutionization" -> "Revolutionization", "un_sanctions" -> "UN sanctions". */
  public static String of(String key) {
    String special = SPECIAL.get(key);
    if (special != null) {
      return special;
    }
    String words = key.replace('_', ' ').strip();
    if (words.isEmpty()) {
      return key;
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** The label in running text: "dismissal", "UN sanctions", "state media". */
  public static String inSentence(String key) {
    String label = of(key);
    boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
    return acronym ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
  }
}
