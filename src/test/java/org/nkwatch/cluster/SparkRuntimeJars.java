package org.nkwatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The jars a Spark distribution would hold in {@code $SPARK_HOME/jars}, picked from the build's classpath
 * ({@code target/classpath.txt}: compile + provided scope).
 *
 * <p>"Every jar that is not one of our compile dependencies" is not quite right: Maven widens a jar that
 * both Spark (provided) and one of our libraries need to compile scope (commons-io and commons-codec, via
 * commons-csv), so such a jar is both in our cluster jar and in Spark's runtime; a real cluster has it in
 * {@code jars/} and Spark's own classes (loaded by the system class loader) need it there. So the set is
 * computed the way Maven would: the closure of the project's {@code provided} dependencies over the
 * {@code compile}/{@code runtime}, non-optional dependencies that each jar's POM (in the local repository,
 * next to the jar) declares, minus what a dependency excludes below it, restricted to the jars on the
 * classpath. (Version mediation does not matter here: the classpath already holds one version of each.)
 */
final class SparkRuntimeJars {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  /** The selection, and what was left out (the project's own libraries, shipped inside the cluster jar). */
  record Selection(List<Path> spark, List<Path> projectOnly) {
  }

  private final Map<String, List<Path>> jarsByArtifact = new LinkedHashMap<>();
  private final Map<Path, Pom> pomByJar = new HashMap<>();
  private final Map<Path, Pom> pomCache = new HashMap<>();

  private SparkRuntimeJars(List<Path> classpath) {
    for (Path jar : classpath) {
      Pom pom = pomOf(jar);
      pomByJar.put(jar, pom);
      jarsByArtifact.computeIfAbsent(pom.groupId() + ":" + pom.artifactId(), k -> new ArrayList<>()).add(jar);
    }
  }

  /**
   * @param classpathFile {@code target/classpath.txt}
   * @param projectPom    the project's {@code pom.xml}: its {@code provided} dependencies are the roots
   */
  static Selection select(Path classpathFile, Path projectPom) {
    List<Path> classpath = readClasspath(classpathFile);
    SparkRuntimeJars jars = new SparkRuntimeJars(classpath);
    Pom project = jars.parse(projectPom);
    List<String> roots = new ArrayList<>();
    for (Dependency d : project.dependencies()) {
      if ("provided".equals(d.scope())) {
        roots.add(d.groupId() + ":" + d.artifactId());
      }
    }
    if (roots.isEmpty()) {
      throw new IllegalStateException(projectPom + " declares no provided dependency (Spark)");
    }
    Set<String> closure = jars.closure(roots);
    List<Path> spark = new ArrayList<>();
    List<Path> projectOnly = new ArrayList<>();
    for (Path jar : classpath) {
      Pom pom = jars.pomByJar.get(jar);
      (closure.contains(pom.groupId() + ":" + pom.artifactId()) ? spark : projectOnly).add(jar);
    }
    return new Selection(List.copyOf(spark), List.copyOf(projectOnly));
  }

  static List<Path> readClasspath(Path classpathFile) {
    try {
      String text = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
      List<Path> jars = new ArrayList<>();
      for (String entry : text.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          jars.add(Path.of(entry.trim()));
        }
      }
      if (jars.isEmpty()) {
        throw new IllegalStateException(classpathFile + " is empty: run mvn package first");
      }
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classpathFile + " (run mvn package first)", e);
    }
  }

  private Set<String> closure(List<String> roots) {
    // a state is an artifact reached with the exclusions of the path that reached it
    record Visit(String ga, Set<String> exclusions) {
    }
    Map<String, List<Set<String>>> visited = new HashMap<>();
    Deque<Visit> todo = new ArrayDeque<>();
    roots.forEach(r -> todo.push(new Visit(r, Set.of())));
    while (!todo.isEmpty()) {
      Visit visit = todo.pop();
      List<Path> jars = jarsByArtifact.get(visit.ga());
      if (jars == null) {
        continue;
      }
      List<Set<String>> before = visited.computeIfAbsent(visit.ga(), k -> new ArrayList<>());
      if (before.stream().anyMatch(visit.exclusions()::containsAll)) {
        continue; // reached before with no more exclusions than now: nothing new below
      }
      before.add(visit.exclusions());
      Pom pom = pomByJar.get(jars.get(0));
      for (Dependency d : pom.dependencies()) {
        String ga = d.groupId() + ":" + d.artifactId();
        boolean runtime = d.scope() == null || d.scope().equals("compile") || d.scope().equals("runtime");
        if (runtime && !d.optional() && !excluded(ga, visit.exclusions())) {
          Set<String> exclusions = new TreeSet<>(visit.exclusions());
          exclusions.addAll(d.exclusions());
          todo.push(new Visit(ga, exclusions));
        }
      }
    }
    return new TreeSet<>(visited.keySet());
  }

  private static boolean excluded(String ga, Set<String> exclusions) {
    String group = ga.substring(0, ga.indexOf(':'));
    return exclusions.contains(ga) || exclusions.contains(group + ":*") || exclusions.contains("*:*");
  }

  /** The POM beside a jar in the local repository: {@code <g>/<a>/<v>/<a>-<v>[-classifier].jar}. */
  private Pom pomOf(Path jar) {
    Path versionDir = jar.toAbsolutePath().getParent();
    String version = versionDir.getFileName().toString();
    String artifactId = versionDir.getParent().getFileName().toString();
    Path pom = versionDir.resolve(artifactId + "-" + version + ".pom");
    if (!Files.isRegularFile(pom)) {
      throw new IllegalStateException("no POM beside " + jar + " (expected " + pom + ")");
    }
    return parse(pom);
  }

  private Pom parse(Path file) {
    Pom cached = pomCache.get(file);
    if (cached != null) {
      return cached;
    }
    Element project = read(file);
    Element parentElement = child(project, "parent");
    Pom parent = null;
    if (parentElement != null) {
      parent = parentPom(file, text(parentElement, "groupId"), text(parentElement, "artifactId"),
          text(parentElement, "version"));
    }
    Map<String, String> properties = new HashMap<>(parent == null ? Map.of() : parent.properties());
    Element props = child(project, "properties");
    if (props != null) {
      for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          properties.put(e.getTagName(), e.getTextContent().trim());
        }
      }
    }
    String groupId = text(project, "groupId");
    if (groupId == null && parentElement != null) {
      groupId = text(parentElement, "groupId");
    }
    String version = text(project, "version");
    if (version == null && parentElement != null) {
      version = text(parentElement, "version");
    }
    String artifactId = text(project, "artifactId");
    properties.put("project.groupId", groupId);
    properties.put("pom.groupId", groupId);
    properties.put("project.artifactId", artifactId);
    properties.put("project.version", version);
    properties.put("pom.version", version);
    if (parentElement != null) {
      properties.put("project.parent.groupId", text(parentElement, "groupId"));
      properties.put("project.parent.version", text(parentElement, "version"));
    }
    List<Dependency> dependencies = new ArrayList<>();
    Element deps = child(project, "dependencies");
    if (deps != null) {
      for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element d && d.getTagName().equals("dependency")) {
          Set<String> exclusions = new TreeSet<>();
          Element excl = child(d, "exclusions");
          if (excl != null) {
            for (Node x = excl.getFirstChild(); x != null; x = x.getNextSibling()) {
              if (x instanceof Element e && e.getTagName().equals("exclusion")) {
                exclusions.add(resolve(text(e, "groupId"), properties) + ":" + resolve(text(e, "artifactId"), properties));
              }
            }
          }
          dependencies.add(new Dependency(resolve(text(d, "groupId"), properties),
              resolve(text(d, "artifactId"), properties), resolve(text(d, "scope"), properties),
              "true".equals(resolve(text(d, "optional"), properties)), Set.copyOf(exclusions)));
        }
      }
    }
    // a parent's own <dependencies> are inherited (Spark's parent declares only test ones)
    if (parent != null) {
      dependencies.addAll(parent.dependencies());
    }
    Pom pom = new Pom(resolve(groupId, properties), resolve(artifactId, properties), properties,
        List.copyOf(dependencies));
    pomCache.put(file, pom);
    return pom;
  }

  private Pom parentPom(Path child, String groupId, String artifactId, String version) {
    // child is <repo>/<group path>/<artifact>/<version>/x.pom, or the project's own pom.xml
    Path dir = child.toAbsolutePath().getParent();
    Path repo = null;
    Path probe = dir;
    for (int i = 0; probe != null && i < 2 + groupId.split("\\.").length; i++) {
      probe = probe.getParent();
    }
    if (probe != null) {
      repo = probe;
    }
    if (repo != null) {
      Path candidate = repo.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
          .resolve(artifactId + "-" + version + ".pom");
      if (Files.isRegularFile(candidate)) {
        return parse(candidate);
      }
    }
    return null; // a parent we cannot find only costs us its properties
  }

  private static String resolve(String value, Map<String, String> properties) {
    if (value == null) {
      return null;
    }
    String result = value;
    for (int i = 0; i < 10 && result.contains("${"); i++) {
      Matcher m = PROPERTY.matcher(result);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String replacement = properties.getOrDefault(m.group(1), m.group(0));
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(sb);
      result = sb.toString();
    }
    return result;
  }

  private static Element read(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder().parse(file.toFile());
      return doc.getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  private record Pom(String groupId, String artifactId, Map<String, String> properties, List<Dependency> dependencies) {
  }

  private record Dependency(String groupId, String artifactId, String scope, boolean optional,
      Set<String> exclusions) {
  }

  /** For a look at the selection: {@code java ... SparkRuntimeJars target/classpath.txt pom.xml}. */
  public static void main(String[] args) {
    Selection s = select(Path.of(args[0]), Path.of(args[1]));
    Set<String> names = new LinkedHashSet<>();
    s.projectOnly().forEach(p -> names.add(p.getFileName().toString()));
    System.out.println(s.spark().size() + " Spark runtime jars; left out (project only): " + names);
  }
}
