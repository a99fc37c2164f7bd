#!/usr/bin/env bash
# One node of the compose file's three-node KRaft cluster (controller and broker in one process), on the official
# apache/kafka image. Writes server.properties from NODE_ID and the admin password (a compose secret), formats the
# storage once with the admin's SCRAM credentials, and starts the node.
#   clients (the services, kafka-init): SASL_PLAINTEXT, SCRAM-SHA-512, port 9092
#   controllers: SASL_PLAINTEXT, PLAIN (KRaft controllers do not take SCRAM), port 9093
# ACLs by StandardAuthorizer: a principal may do what kafka-init granted it (catalogue.sh), admin everything.
set -euo pipefail

: "${NODE_ID:?NODE_ID}" "${CLUSTER_ID:?CLUSTER_ID}"
admin_password="$(cat /run/secrets/kafka_admin_password)"
config=/tmp/server.properties

cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=${NODE_ID}
controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093
listeners=SASL://:9092,CONTROLLER://:9093
advertised.listeners=SASL://kafka-${NODE_ID}:9092
listener.security.protocol.map=SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL
controller.listener.names=CONTROLLER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${admin_password}";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin_password}" user_admin="${admin_password}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
# durability (RELIABILITY.md): acknowledged by two of three replicas, never an unclean leader
default.replication.factor=3
min.insync.replicas=2
unclean.leader.election.enable=false
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
# topics come from kafka-init (catalogue.sh) only
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=3000
PROPERTIES

# the clients' configuration for the health check and kafka-init
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${admin_password}";
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${admin_password}]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
