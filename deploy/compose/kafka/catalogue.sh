#!/usr/bin/env bash
# GENERATED from the topic catalogue (cn.gov.eco.contracts.Topics, Principal) by deploy/consistency
# (CatalogueResources); do not edit. After a catalogue change:
#   ./mvnw -B -ntp -pl deploy/consistency -am verify -Dtest=OperatorResourcesTest -Ddeploy.regenerate=true
# Sourced by kafka-init.sh: principals (SCRAM users), topics with their policy, ACLs.

user case-service
user notice-service
user credit-service
user dashboard

topic enforcement.case.v1 6 3 cleanup.policy=delete retention.ms=-1 min.insync.replicas=2
topic enforcement.case.v1.dlt 6 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2
topic notice.delivery.v1 6 3 cleanup.policy=delete retention.ms=-1 min.insync.replicas=2
topic notice.delivery.v1.dlt 6 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2
topic credit.publicity.v1 6 3 cleanup.policy=delete retention.ms=-1 min.insync.replicas=2
topic credit.publicity.v1.dlt 6 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2
topic credit.repair.v1 6 3 cleanup.policy=delete retention.ms=-1 min.insync.replicas=2
topic credit.repair.v1.dlt 6 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2
topic credit.level.v1 6 3 cleanup.policy=delete retention.ms=-1 min.insync.replicas=2
topic credit.level.v1.dlt 6 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2
topic credit.enterprise-status.v1 6 3 cleanup.policy=compact retention.ms=-1 min.insync.replicas=2
topic credit.enterprise-status.v1.dlt 6 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2
topic calendar.v1 1 3 cleanup.policy=compact retention.ms=-1 min.insync.replicas=2
topic calendar.v1.dlt 1 3 cleanup.policy=delete retention.ms=7776000000 min.insync.replicas=2

acl case-service topic enforcement.case.v1 literal Describe,Write
acl case-service topic notice.delivery.v1 literal Describe,Read
acl case-service topic notice.delivery.v1.dlt literal Describe,Write
acl case-service topic calendar.v1 literal Describe,Read,Write
acl case-service topic calendar.v1.dlt literal Describe,Write
acl case-service group case-service prefixed Read
acl notice-service topic enforcement.case.v1 literal Describe,Read
acl notice-service topic enforcement.case.v1.dlt literal Describe,Write
acl notice-service topic notice.delivery.v1 literal Describe,Write
acl notice-service topic calendar.v1 literal Describe,Read
acl notice-service topic calendar.v1.dlt literal Describe,Write
acl notice-service group notice-service prefixed Read
acl credit-service topic enforcement.case.v1 literal Describe,Read
acl credit-service topic enforcement.case.v1.dlt literal Describe,Write
acl credit-service topic notice.delivery.v1 literal Describe,Read
acl credit-service topic notice.delivery.v1.dlt literal Describe,Write
acl credit-service topic credit.publicity.v1 literal Describe,Read,Write
acl credit-service topic credit.publicity.v1.dlt literal Describe,Write
acl credit-service topic credit.repair.v1 literal Describe,Read,Write
acl credit-service topic credit.repair.v1.dlt literal Describe,Write
acl credit-service topic credit.level.v1 literal Describe,Write
acl credit-service topic credit.enterprise-status.v1 literal Describe,Write
acl credit-service topic calendar.v1 literal Describe,Read
acl credit-service topic calendar.v1.dlt literal Describe,Write
acl credit-service group credit-service prefixed Read
acl dashboard topic enforcement.case.v1 literal Describe,Read
acl dashboard topic enforcement.case.v1.dlt literal Describe,Write
acl dashboard topic notice.delivery.v1 literal Describe,Read
acl dashboard topic notice.delivery.v1.dlt literal Describe,Write
acl dashboard topic credit.publicity.v1 literal Describe,Read
acl dashboard topic credit.publicity.v1.dlt literal Describe,Write
acl dashboard topic credit.repair.v1 literal Describe,Read
acl dashboard topic credit.repair.v1.dlt literal Describe,Write
acl dashboard topic credit.level.v1 literal Describe,Read
acl dashboard topic credit.level.v1.dlt literal Describe,Write
acl dashboard topic credit.enterprise-status.v1 literal Describe,Read
acl dashboard topic credit.enterprise-status.v1.dlt literal Describe,Write
acl dashboard topic calendar.v1 literal Describe,Read
acl dashboard topic calendar.v1.dlt literal Describe,Write
acl dashboard topic dashboard-service- prefixed Create,Describe,DescribeConfigs,Read,Write
acl dashboard group dashboard prefixed Read
