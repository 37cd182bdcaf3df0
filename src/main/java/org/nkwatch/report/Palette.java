package org.nkwatch.report;

import java.awt.Color;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A fixed colour for every series key, the same in every chart of a brief and in every brief. The sanction
 * types of the fixed vocabulary have their own colours (no hashing, so a key never changes colour when
 * another key appears); any other key (themes, added sanction types) takes the next colour of a fallback
 * list in sorted key order.
 */
public final class Palette {
  /** The sanction types of the fixed vocabulary, in the order of DESIGN.md, with their colours. */
  static final List<String> FIXED_KEYS = List.of(
      "dismissal", "demotion", "suspension", "revolutionization", "expulsion", "arrest", "imprisonment",
      "execution", "reprimand", "investigation", "reinstatement",
      "un_sanctions", "unilateral_sanctions", "sanctions_evasion", "sanctions_relief");
  private static final List<Color> FIXED_COLOURS = List.of(
      rgb(0x1F77B4), rgb(0xFF7F0E), rgb(0xBCBD22), rgb(0x8C564B), rgb(0x9467BD), rgb(0xE377C2), rgb(0x393B79),
      rgb(0xD62728), rgb(0x17BECF), rgb(0x637939), rgb(0x2CA02C),
      rgb(0x005F73), rgb(0xEE9B00), rgb(0xB15928), rgb(0x66C2A5));
  /** For keys outside the fixed vocabulary (themes, user-added types): Tableau 10, then darker variants. */
  private static final List<Color> FALLBACK = List.of(
      rgb(0x4E79A7), rgb(0xF28E2B), rgb(0xE15759), rgb(0x76B7B2), rgb(0x59A14F), rgb(0xEDC948),
      rgb(0xB07AA1), rgb(0xFF9DA7), rgb(0x9C755F), rgb(0xBAB0AC));
  /** For a key the palette was not built with; should not happen when built from all keys of a brief. */
  static final Color UNLISTED = rgb(0x8C8C8C);

  private final Map<String, Color> colours;

  private Palette(Map<String, Color> colours) {
    this.colours = colours;
  }

  /** A palette for the fixed vocabulary plus {@code otherKeys} (in any order; duplicates ignored). */
  public static Palette forKeys(Collection<String> otherKeys) {
    Map<String, Color> map = new LinkedHashMap<>();
    for (int i = 0; i < FIXED_KEYS.size(); i++) {
      map.put(FIXED_KEYS.get(i), FIXED_COLOURS.get(i));
    }
    int next = 0;
    for (String key : new TreeSet<>(otherKeys)) {
      if (!map.containsKey(key)) {
        Color base = FALLBACK.get(next % FALLBACK.size());
        // after one round of the list, darker shades keep neighbouring keys apart
        map.put(key, next < FALLBACK.size() ? base : shade(base, next / FALLBACK.size()));
        next++;
      }
    }
    return new Palette(map);
  }

  public Color colourOf(String key) {
    return colours.getOrDefault(key, UNLISTED);
  }

  /** The order in which series are listed: the fixed vocabulary first, then the others sorted. */
  public int rank(String key) {
    int i = FIXED_KEYS.indexOf(key);
    return i >= 0 ? i : FIXED_KEYS.size();
  }

  private static Color shade(Color c, int round) {
    double f = Math.pow(0.7, round);
    return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
  }

  private static Color rgb(int rgb) {
    return new Color(rgb);
  }
}
