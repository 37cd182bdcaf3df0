package org.nkwatch.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.nkwatch.config.ConfigBundle;
import org.nkwatch.config.ConfigException;
import org.nkwatch.config.YamlFiles;

/** Themes, sanction types and the context vocabularies of conf/taxonomy, with cues stemmed once. */
public final class Taxonomy {
  /** The sanction-type keys fixed by the design; a taxonomy may add keys but never lose these. */
  public static final List<String> FIXED_SANCTION_KEYS = List.of("dismissal", "demotion", "suspension",
      "revolutionization", "expulsion", "arrest", "imprisonment", "execution", "reprimand", "investigation",
      "reinstatement", "un_sanctions", "unilateral_sanctions", "sanctions_evasion", "sanctions_relief");

  /**
   * The keys each mapping of the taxonomy files may hold (conf/taxonomy/README.md). Any other key is an
   * error: "negaton:" for "negation:" would otherwise drop the negation cues and turn denials into facts.
   */
  static final List<String> SANCTIONS_KEYS = List.of("version", "types", "international_context",
      "foreign_jurisdiction", "foreign_setting", "bare_agents", "negation", "hedges");
  static final List<String> SANCTION_TYPE_KEYS = List.of("key", "name", "scope", "description", "cues", "exclude");
  /** The hedge levels {@link ContextRules} asks for. */
  static final List<String> HEDGE_LEVELS = List.of("reported", "rumoured", "denied", "contradicted");
  static final List<String> THEMES_KEYS = List.of("version", "themes");
  static final List<String> THEME_KEYS = List.of("key", "name", "description", "cues", "strong");

  /**
   * Context vocabularies (negation, hedges, international context) match words as written, not stems:
   * stemmed, "reportedly" would match every "report" and "sources" every "source of strength".
   */
  private static final UnaryOperator<String> LOWERCASE = w -> w.toLowerCase(java.util.Locale.ROOT).replace("'", "")
      .replace("’", "");

  private final List<Category> themes;
  private final List<Category> sanctionTypes;
  private final CueList internationalContext;
  private final CueList foreignJurisdiction;
  private final CueList foreignSetting;
  private final CueList bareAgents;
  private final CueList negation;
  private final Map<String, CueList> hedges;
  private final String themesVersion;
  private final String sanctionsVersion;

  private Taxonomy(List<Category> themes, List<Category> sanctionTypes, List<CuePattern> internationalContext,
      List<CuePattern> foreignJurisdiction, List<CuePattern> foreignSetting, List<CuePattern> bareAgents,
      List<CuePattern> negation, Map<String, List<CuePattern>> hedges,
      String themesVersion, String sanctionsVersion) {
    this.themes = List.copyOf(themes);
    this.sanctionTypes = List.copyOf(sanctionTypes);
    this.internationalContext = new CueList(internationalContext);
    this.foreignJurisdiction = new CueList(foreignJurisdiction);
    this.foreignSetting = new CueList(foreignSetting);
    this.bareAgents = new CueList(bareAgents);
    this.negation = new CueList(negation);
    this.hedges = new LinkedHashMap<>();
    hedges.forEach((level, cues) -> this.hedges.put(level, new CueList(cues)));
    this.themesVersion = themesVersion;
    this.sanctionsVersion = sanctionsVersion;
  }

  /** "U.S" as a cue word leaves after its final stop is trimmed: letters each followed by a stop but the last. */
  private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile("(\\p{L}\\.)+\\p{L}");

  /**
   * Stems a cue word as the same word is stemmed in article text. The tokenizer keeps an abbreviation's final
   * stop ("U.S." stems to "u.s."), while the cue parser trims it and "U.S" alone would stem to "u." (the
   * stemmer takes the S for a plural): so "U.S." and "U.S. imperialists" never matched.
   */
  static UnaryOperator<String> cueStemmer(UnaryOperator<String> stemmer) {
    return w -> ABBREVIATION.matcher(w).matches() ? stemmer.apply(w + ".") : stemmer.apply(w);
  }

  public static Taxonomy load(ConfigBundle bundle, UnaryOperator<String> textStemmer) {
    UnaryOperator<String> stemmer = cueStemmer(textStemmer);
    String sFile = ConfigBundle.SANCTIONS;
    String sText = bundle.text(sFile);
    Map<String, Object> sanctions = YamlFiles.parseMap(sFile, sText);
    YamlFiles.checkKeys(sFile, sText, List.of(), sanctions, SANCTIONS_KEYS);
    List<Category> types = categories(sFile, sText, sanctions, "types", stemmer, true);
    Set<String> keys = new HashSet<>();
    types.forEach(t -> keys.add(t.key()));
    for (String fixed : FIXED_SANCTION_KEYS) {
      if (!keys.contains(fixed)) {
        throw new ConfigException(sFile + ": the fixed sanction type '" + fixed + "' is missing");
      }
    }
    Map<String, List<CuePattern>> hedges = new LinkedHashMap<>();
    Object hedgeMap = sanctions.get("hedges");
    if (hedgeMap != null && !(hedgeMap instanceof Map)) {
      throw new ConfigException(sFile + ": 'hedges' must be a mapping of level to cues, got " + hedgeMap);
    }
    if (hedgeMap instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      YamlFiles.checkKeys(sFile, sText, List.of("hedges"), typed, HEDGE_LEVELS);
      for (String level : typed.keySet()) {
        hedges.put(level, cues(sFile, YamlFiles.strings(sFile, typed, level), LOWERCASE));
      }
    }
    String tFile = ConfigBundle.THEMES;
    String tText = bundle.text(tFile);
    Map<String, Object> themeDoc = YamlFiles.parseMap(tFile, tText);
    YamlFiles.checkKeys(tFile, tText, List.of(), themeDoc, THEMES_KEYS);
    List<Category> themes = categories(tFile, tText, themeDoc, "themes", stemmer, false);
    return new Taxonomy(themes, types,
        cues(sFile, YamlFiles.strings(sFile, sanctions, "international_context"), LOWERCASE),
        cues(sFile, YamlFiles.strings(sFile, sanctions, "foreign_jurisdiction"), LOWERCASE),
        cues(sFile, YamlFiles.strings(sFile, sanctions, "foreign_setting"), LOWERCASE),
        cues(sFile, YamlFiles.strings(sFile, sanctions, "bare_agents"), LOWERCASE),
        cues(sFile, YamlFiles.strings(sFile, sanctions, "negation"), LOWERCASE), hedges,
        YamlFiles.string(tFile, themeDoc, "version", "unversioned"),
        YamlFiles.string(sFile, sanctions, "version", "unversioned"));
  }

  private static List<Category> categories(String file, String text, Map<String, Object> doc, String listKey,
      UnaryOperator<String> stemmer, boolean sanction) {
    List<Category> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> items = YamlFiles.maps(file, doc, listKey);
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      YamlFiles.checkKeys(file, text, List.of(listKey, i), item, sanction ? SANCTION_TYPE_KEYS : THEME_KEYS);
      String key = YamlFiles.requiredString(file, item, "key");
      if (!key.matches("[a-z0-9_]+")) {
        throw new ConfigException(file + ": key '" + key + "' must be lowercase letters, digits and '_'");
      }
      if (!seen.add(key)) {
        throw new ConfigException(file + ": key '" + key + "' appears twice");
      }
      String scope = sanction ? YamlFiles.string(file, item, "scope", "domestic") : "theme";
      if (sanction && !scope.equals("domestic") && !scope.equals("international")) {
        throw new ConfigException(file + ": '" + key + "' has scope '" + scope + "' (expected domestic or international)");
      }
      List<CuePattern> cues = cues(file + " (" + key + ")", YamlFiles.strings(file, item, "cues"), stemmer);
      if (cues.isEmpty()) {
        throw new ConfigException(file + ": '" + key + "' has no cues");
      }
      out.add(new Category(key, YamlFiles.string(file, item, "name", key),
          YamlFiles.string(file, item, "description", ""), scope, cues,
          cues(file, YamlFiles.strings(file, item, "strong"), stemmer),
          new CueList(cues(file, YamlFiles.strings(file, item, "exclude"), stemmer))));
    }
    return out;
  }

  private static List<CuePattern> cues(String file, List<String> phrases, UnaryOperator<String> stemmer) {
    List<CuePattern> out = new ArrayList<>(phrases.size());
    for (String phrase : phrases) {
      try {
        out.add(CuePattern.parse(phrase, stemmer));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  public List<Category> themes() {
    return themes;
  }

  public List<Category> sanctionTypes() {
    return sanctionTypes;
  }

  public CueList internationalContext() {
    return internationalContext;
  }

  /** Agents of a foreign or South Korean jurisdiction: a domestic type does not fire where they act. */
  public CueList foreignJurisdiction() {
    return foreignJurisdiction;
  }

  /** Title words that place an article in South Korea or abroad (besides the gazetteer's foreign places). */
  public CueList foreignSetting() {
    return foreignSetting;
  }

  /** Justice agents named without a nationality ("the court"): they take the last agent's jurisdiction. */
  public CueList bareAgents() {
    return bareAgents;
  }

  public CueList negation() {
    return negation;
  }

  public CueList hedges(String level) {
    return hedges.getOrDefault(level, CueList.empty());
  }

  public String version() {
    return "themes " + themesVersion + ", sanctions " + sanctionsVersion;
  }
}
