package org.nkwatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on loopback, without a Spark distribution: a SPARK_HOME under
 * {@code target/} whose {@code jars/} links Spark's runtime jars from the local Maven repository, a Master
 * and a Worker as separate JVMs, and {@code SparkSubmit} in a third JVM per submission (client mode: the
 * driver runs in that JVM and serves the application jar to the executors).
 *
 * <p>Every process it starts is stopped with its descendants (the executors the Worker launched) in
 * {@link #close()}, and by a shutdown hook if the test JVM dies first.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Added to the JVMs this helper starts (Master, Worker, SparkSubmit) and offered for executors: C1-only
   * JIT. These JVMs live for seconds on small data, where C2 compiling costs more CPU than it saves; on
   * this 2-core machine it cut a cold executor's annotate step by a third or more. It changes speed, not
   * behaviour. C1 alone defaults to a 48 MB code cache, nearly all of which a driver fills: the launcher's
   * size (see {@code nkwatch}).
   */
  public static final List<String> QUICK_START_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

  private final Path home;
  private final List<String> jvmFlags;
  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "stop-standalone-cluster");
  private final List<Worker> workers = new ArrayList<>();
  private Path workDir;
  private Path masterLog;
  private int masterPort;
  private Duration startTime = Duration.ZERO;

  /** What a submission did: its exit code, its output (stdout and stderr together), its wall time. */
  public record Submission(int exitCode, String output, Duration wallTime) {
  }

  /** A Worker JVM: its process, its log, and the folder its executors run in. */
  public record Worker(Process process, Path log, Path workDir) {
    /** The executors' stderr under this Worker's folder, concatenated (app-*&#47;N/stderr). */
    public String executorLogs() {
      StringBuilder text = new StringBuilder();
      try (Stream<Path> files = Files.walk(workDir)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().equals("stderr"))::iterator) {
          text.append(readLog(f));
        }
      } catch (IOException e) {
        // the Worker is writing or was killed: what could be read is enough for polling
      }
      return text.toString();
    }
  }

  /** A command running in the background (see {@link #startSubmission}); {@link #await} waits for it. */
  public final class Running {
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final long startedNanos = System.nanoTime();

    private Running(Process process, Path log, List<String> command) {
      this.process = process;
      this.log = log;
      this.command = command;
    }

    public String output() {
      return readLog(log);
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    public Submission await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          destroyTree(process);
          throw new AssertionError("submission did not finish within " + timeout + ": " + command + "\n"
              + output());
        }
        return new Submission(process.exitValue(), output(), Duration.ofNanos(System.nanoTime() - startedNanos));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + command, e);
      } finally {
        destroyTree(process);
        synchronized (processes) {
          processes.remove(process);
        }
      }
    }
  }

  private StandaloneCluster(Path home, List<String> jvmFlags) {
    this.home = home;
    this.jvmFlags = List.copyOf(jvmFlags);
  }

  /**
   * Builds (or refreshes) SPARK_HOME at {@code home} and starts a Master and a Worker with 2 cores and 2g.
   *
   * @param classpathFile {@code target/classpath.txt}
   * @param projectPom    the project's pom.xml, whose provided dependencies say which jars are Spark's
   * @param jvmFlagsFile  {@code target/classes/nkwatch/jvm-flags.txt}
   */
  public static StandaloneCluster start(Path home, Path classpathFile, Path projectPom, Path jvmFlagsFile,
      int workerCount, int coresPerWorker, String memoryPerWorker) {
    List<String> flags = readFlags(jvmFlagsFile);
    StandaloneCluster cluster = new StandaloneCluster(home, flags);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.buildHome(SparkRuntimeJars.select(classpathFile, projectPom).spark());
      long started = System.nanoTime();
      cluster.startMaster();
      for (int i = 0; i < workerCount; i++) {
        cluster.startWorker(coresPerWorker, memoryPerWorker);
      }
      cluster.startTime = Duration.ofNanos(System.nanoTime() - started);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** One Worker with 2 cores and 2g, from the Maven layout of this project. */
  public static StandaloneCluster startFromBuild() {
    return startFromBuild(1, 2, "2g");
  }

  /**
   * Starts from the Maven layout of this project (target/classpath.txt, pom.xml, the filtered flags) with
   * {@code workerCount} Workers of {@code coresPerWorker} cores and {@code memoryPerWorker} each.
   */
  public static StandaloneCluster startFromBuild(int workerCount, int coresPerWorker, String memoryPerWorker) {
    Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path target = basedir.resolve("target");
    Path classpath = Path.of(System.getProperty("nkwatch.classpathFile", target.resolve("classpath.txt").toString()));
    return start(target.resolve("spark-home"), classpath, basedir.resolve("pom.xml"),
        target.resolve("classes/nkwatch/jvm-flags.txt"), workerCount, coresPerWorker, memoryPerWorker);
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  public Path home() {
    return home;
  }

  public List<String> jvmFlags() {
    return jvmFlags;
  }

  /** How long the Master and the Worker took to be up and registered. */
  public Duration startTime() {
    return startTime;
  }

  /** Executor folders (one per Worker, app-*&#47;N/ with stdout, stderr) written during this cluster's life. */
  public Path workDir() {
    return workDir;
  }

  public String masterLog() {
    return readLog(masterLog);
  }

  /** The Workers started, in order, including any killed since. */
  public List<Worker> workers() {
    return List.copyOf(workers);
  }

  /** kill -9 of a Worker and the executors it launched, as when its machine dies. */
  public void kill(Worker worker) {
    destroyTree(worker.process());
    synchronized (processes) {
      processes.remove(worker.process());
    }
  }

  /** Environment every Spark JVM of this cluster runs with. */
  public Map<String, String> environment() {
    return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
  }

  /**
   * Runs {@code org.apache.spark.deploy.SparkSubmit} in its own JVM from {@code workingDir}:
   * {@code --master <this cluster> <submitOptions...> <appJar> <appArgs...>}.
   */
  public Submission submit(Path workingDir, Duration timeout, List<String> submitOptions, Path appJar,
      List<String> appArgs) {
    return startSubmission(workingDir, submitOptions, appJar, appArgs).await(timeout);
  }

  /** As {@link #submit}, in the background: the caller can act on the cluster while the job runs. */
  public Running startSubmission(Path workingDir, List<String> submitOptions, Path appJar, List<String> appArgs) {
    List<String> command = new ArrayList<>(javaCommand("1g"));
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.add("--master");
    command.add(masterUrl());
    command.addAll(submitOptions);
    command.add(appJar.toAbsolutePath().toString());
    command.addAll(appArgs);
    return start(command, workingDir, Map.of());
  }

  /** Runs any command (a script, say) with this cluster's environment plus {@code env}, to completion. */
  public Submission runToCompletion(List<String> command, Path workingDir, Map<String, String> env,
      Duration timeout) {
    return start(command, workingDir, env).await(timeout);
  }

  private Running start(List<String> command, Path workingDir, Map<String, String> env) {
    Path log;
    try {
      log = Files.createTempFile(home.resolve("logs"), "submit-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(environment());
    pb.environment().putAll(env);
    return new Running(launch(pb), log, command);
  }

  /** Stops the Workers (and their executors) and the Master, removes the executors' work folders. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or ran
    }
    if (workDir != null) {
      deleteTree(workDir);
    }
  }

  private void buildHome(List<Path> sparkJars) {
    try {
      Path jars = home.resolve("jars");
      deleteTree(jars);
      Files.createDirectories(jars);
      for (Path jar : sparkJars) {
        Path link = jars.resolve(jar.getFileName().toString());
        try {
          Files.createSymbolicLink(link, jar.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
          throw new IllegalStateException("two Spark jars named " + link.getFileName(), e);
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(jar, link);
        }
      }
      Path conf = home.resolve("conf");
      Files.createDirectories(conf);
      // INFO for Spark's own daemons (the readiness lines are INFO); our job logs at WARN on its own
      Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
          "rootLogger.level = info",
          "rootLogger.appenderRef.stderr.ref = stderr",
          "appender.stderr.type = Console",
          "appender.stderr.name = stderr",
          "appender.stderr.target = SYSTEM_ERR",
          "appender.stderr.layout.type = PatternLayout",
          "appender.stderr.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n",
          "logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader",
          "logger.nativecode.level = error",
          ""), StandardCharsets.UTF_8);
      // bin/spark-submit as a distribution has it: Spark's launcher library (org.apache.spark.launcher.Main)
      // builds the driver's java command (spark.driver.extraJavaOptions, --driver-memory, conf/ on the
      // classpath). It prints messages, if any, one a line, then a NUL and a newline, then the command's
      // words each ended by a NUL; we append its exit code, check it and run the command.
      Path bin = home.resolve("bin");
      Files.createDirectories(bin);
      Path submit = bin.resolve("spark-submit");
      Files.writeString(submit, String.join("\n",
          "#!/usr/bin/env bash",
          "# written by StandaloneCluster (tests): spark-submit without a Spark distribution",
          "set -euo pipefail",
          ": \"${SPARK_HOME:?SPARK_HOME must be set}\"",
          "java=\"${JAVA_HOME:+$JAVA_HOME/bin/}java\"",
          "launch() {",
          "  local status=0",
          "  \"$java\" -Xmx128m -cp \"$SPARK_HOME/jars/*\" org.apache.spark.launcher.Main \\",
          "    org.apache.spark.deploy.SparkSubmit \"$@\" || status=$?",
          "  printf '%d\\0' \"$status\"",
          "}",
          "cmd=()",
          "in_command=false",
          "while true; do",
          "  if [ \"$in_command\" = false ]; then",
          "    IFS= read -r line || break",
          "    if [ -z \"$line\" ]; then in_command=true; else echo \"$line\" >&2; fi  # bash drops the NUL",
          "  else",
          "    IFS= read -r -d '' word || break",
          "    cmd+=(\"$word\")",
          "  fi",
          "done < <(launch \"$@\")",
          "if [ \"$in_command\" = false ]; then exit 1; fi",
          "status=\"${cmd[${#cmd[@]}-1]}\"",
          "unset 'cmd[${#cmd[@]}-1]'",
          "[ \"$status\" = 0 ] || exit \"$status\"",
          "exec \"${cmd[@]}\"",
          ""), StandardCharsets.UTF_8);
      submit.toFile().setExecutable(true);
      Files.createDirectories(home.resolve("logs"));
      workDir = Files.createTempDirectory(home, "work-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build SPARK_HOME at " + home, e);
    }
  }

  private void startMaster() {
    masterPort = freePort();
    masterLog = home.resolve("logs/master-" + masterPort + ".log");
    List<String> master = new ArrayList<>(javaCommand("512m"));
    master.addAll(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())));
    Process masterProcess = daemon(master, masterLog);
    awaitLine(masterProcess, masterLog, "I have been elected leader", "Master");
  }

  private void startWorker(int cores, String memory) {
    int number = workers.size() + 1;
    Path log = home.resolve("logs/worker-" + masterPort + "-" + number + ".log");
    Path dir;
    try {
      dir = Files.createDirectories(workDir.resolve("worker-" + number));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> worker = new ArrayList<>(javaCommand("512m"));
    worker.addAll(List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
        "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()),
        "--cores", Integer.toString(cores), "--memory", memory, "--work-dir", dir.toString(), masterUrl()));
    Process workerProcess = daemon(worker, log);
    awaitLine(workerProcess, log, "Successfully registered with master", "Worker " + number);
    workers.add(new Worker(workerProcess, log, dir));
  }

  private List<String> javaCommand(String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(QUICK_START_FLAGS);
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(home.resolve("conf") + java.io.File.pathSeparator + home.resolve("jars") + "/*");
    return command;
  }

  private Process daemon(List<String> command, Path log) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(environment());
    return launch(pb);
  }

  private Process launch(ProcessBuilder pb) {
    try {
      Process p = pb.start();
      synchronized (processes) {
        processes.add(p);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + pb.command(), e);
    }
  }

  private static void awaitLine(Process p, Path log, String line, String what) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = readLog(log);
      if (text.contains(line)) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(what + " exited with " + p.exitValue() + " before \"" + line
            + "\"; its log (" + log + "):\n" + text);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the " + what, e);
      }
    }
    throw new IllegalStateException(what + " did not log \"" + line + "\" within " + START_TIMEOUT
        + "; its log (" + log + "):\n" + readLog(log));
  }

  private void stopAll() {
    List<Process> running;
    synchronized (processes) {
      running = new ArrayList<>(processes);
      processes.clear();
    }
    // the Worker first (it owns the executors), then the Master
    for (int i = running.size() - 1; i >= 0; i--) {
      destroyTree(running.get(i));
    }
  }

  /** Kills a process and everything it started (executors, shells), and waits for them to be gone. */
  static void destroyTree(Process p) {
    List<ProcessHandle> tree = new ArrayList<>();
    p.toHandle().descendants().forEach(tree::add);
    tree.add(p.toHandle());
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // gone or stuck: either way nothing more to do from here
      }
    }
  }

  private static List<String> readFlags(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (text.isEmpty() || text.contains("${")) {
        throw new IllegalStateException(file + " is empty or unfiltered: run mvn package first");
      }
      return Arrays.stream(text.split("\\s+")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JVM flags " + file + " (run mvn package first)", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static String readLog(Path log) {
    if (log == null || !Files.exists(log)) {
      return "";
    }
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "StandaloneCluster[%s, home %s]", masterUrl(), home);
  }
}
