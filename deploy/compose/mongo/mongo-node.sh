#!/usr/bin/env bash
# One member of the compose file's three-member replica set rs0, on the official mongo image: the replica set's
# internal authentication key (a compose secret) copied with the owner and mode mongod demands, then mongod with
# authorization on. The users are created by mongo-init.
set -euo pipefail
install -m 400 -o mongodb -g mongodb /run/secrets/mongo_keyfile /tmp/mongo-keyfile
exec docker-entrypoint.sh mongod --replSet rs0 --keyFile /tmp/mongo-keyfile --bind_ip_all
