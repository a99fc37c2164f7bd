#!/usr/bin/env bash
# Runs once the three Kafka nodes are healthy: the SCRAM user of each principal (its password from a compose secret),
# every topic of the catalogue with its policy — created when missing, its configuration brought to the catalogue's
# when it exists (a policy change reaches topics created before it) — and the ACLs. What to create is generated from
# the topic catalogue: catalogue.sh (deploy/consistency keeps it current). Safe to run again.
set -euo pipefail

bin=/opt/kafka/bin
bootstrap=kafka-1:9092,kafka-2:9092,kafka-3:9092
admin=/tmp/admin.properties
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(cat /run/secrets/kafka_admin_password)";
PROPERTIES

user() {
  local name="$1"
  local password
  password="$(cat "/run/secrets/kafka_${name}_password")"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$name" --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]"
}

topic() {
  local name="$1" partitions="$2" replicas="$3"
  shift 3
  local create=() alter=()
  for c in "$@"; do
    create+=(--config "$c")
    alter+=("$c")
  done
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$replicas" "${create[@]}"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type topics --entity-name "$name" --add-config "$(IFS=,; echo "${alter[*]}")"
}

acl() {
  local principal="$1" type="$2" name="$3" pattern="$4" operations="$5"
  local ops=()
  IFS=, read -ra list <<< "$operations"
  for op in "${list[@]}"; do
    ops+=(--operation "$op")
  done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:${principal}" "--${type}" "$name" --resource-pattern-type "$pattern" "${ops[@]}"
}

# shellcheck source=catalogue.sh
. "$(dirname "$0")/catalogue.sh"
echo "kafka-init: principals, topics and ACLs of the catalogue are in place"
