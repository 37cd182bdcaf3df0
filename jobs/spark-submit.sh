#!/usr/bin/env bash
# Submits nkwatch to a Spark cluster with spark-submit: standalone (spark://host:7077), YARN (yarn) or
# Kubernetes (k8s://https://host:443). The job never sets a master itself: it runs on the one named here.
#
# Usage: jobs/spark-submit.sh MASTER COMMAND [OPTION...]
#   MASTER    spark://host:7077 | yarn | k8s://https://host:443 | local[*]
#   COMMAND   an nkwatch command with its options (run, ingest, annotate, aggregate, report, export)
#
# Examples (the first is the nightly run of nkwatch-nightly.cron and systemd/nkwatch-nightly.service):
#   jobs/spark-submit.sh yarn run --job jobs/nightly.yaml
#   jobs/spark-submit.sh yarn run --job jobs/nightly.yaml --period 2024-05 --no-incremental
#   jobs/spark-submit.sh spark://10.0.0.5:7077 ingest --input hdfs:///data/nkwatch/corpora/kcna-2024 --output hdfs:///data/nkwatch/out
#
# Environment:
#   SPARK_HOME               where bin/spark-submit is (default: spark-submit on the PATH)
#   NKWATCH_JAR              the cluster jar (default: target/nkwatch-cluster.jar of this checkout)
#   NKWATCH_DEPLOY_MODE      client (default: the driver runs here) or cluster (the driver runs on the cluster;
#                            then NKWATCH_JAR must be a path every node can read, e.g. hdfs:// or s3a://)
#   NKWATCH_DRIVER_MEMORY    default 2g
#   NKWATCH_EXECUTOR_MEMORY  default 4g
#   NKWATCH_JVM_FLAGS        JVM flags for driver and executors (default: nkwatch/jvm-flags.txt from the jar)
#   NKWATCH_SPARK_OPTS       more spark-submit options, split on spaces, e.g. "--conf spark.executor.instances=4"
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
master="$1"
shift

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${NKWATCH_JAR:-$here/../target/nkwatch-cluster.jar}"
case "$jar" in
  *://*) ;;  # a remote jar: spark-submit fetches it
  *)
    if [ ! -f "$jar" ]; then
      echo "nkwatch: cluster jar $jar not found: run 'mvn -DskipTests package' or set NKWATCH_JAR" >&2
      exit 2
    fi
    jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
    ;;
esac

if [ -n "${SPARK_HOME:-}" ]; then
  submit="$SPARK_HOME/bin/spark-submit"
else
  submit="$(command -v spark-submit || true)"
fi
if [ -z "$submit" ] || [ ! -x "$submit" ]; then
  echo "nkwatch: spark-submit not found: set SPARK_HOME or put spark-submit on the PATH" >&2
  exit 2
fi

# Spark 4 adds the --add-opens it needs on Java 17 by itself; nkwatch's list adds java.awt.headless (charts
# on a server) and keeps older or vendor Spark builds working. Passed to both sides: the driver renders
# the briefs, the executors run OpenNLP and Kryo.
flags="${NKWATCH_JVM_FLAGS:-}"
if [ -z "$flags" ]; then
  if [ -f "$here/../target/classes/nkwatch/jvm-flags.txt" ]; then
    flags="$(cat "$here/../target/classes/nkwatch/jvm-flags.txt")"
  elif [ -f "$jar" ] && command -v unzip >/dev/null 2>&1; then
    flags="$(unzip -p "$jar" nkwatch/jvm-flags.txt 2>/dev/null || true)"
  fi
fi

args=(
  --master "$master"
  --deploy-mode "${NKWATCH_DEPLOY_MODE:-client}"
  --class org.nkwatch.cli.Main
  --name nkwatch
  --driver-memory "${NKWATCH_DRIVER_MEMORY:-2g}"
  --executor-memory "${NKWATCH_EXECUTOR_MEMORY:-4g}"
)
if [ -n "$flags" ]; then
  args+=(--conf "spark.driver.extraJavaOptions=$flags" --conf "spark.executor.extraJavaOptions=$flags")
fi
# shellcheck disable=SC2206
extra=(${NKWATCH_SPARK_OPTS:-})

exec "$submit" "${args[@]}" "${extra[@]}" "$jar" "$@"
