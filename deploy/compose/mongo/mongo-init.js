// Runs once the three members answer, in mongo-1's network namespace (network_mode: service:mongo-1), so that the
// first user may be created through MongoDB's localhost exception. Initiates the replica set rs0 (mongo-1 preferred
// as primary), creates the root user and one user per service with readWrite on its own database only. Safe to run
// again: it signs in as root when the users exist.
const fs = require('fs');
const secret = (name) => fs.readFileSync('/run/secrets/' + name, 'utf8').trim();
const admin = db.getSiblingDB('admin');

let initiated = true;
try {
  rs.status();
} catch (e) {
  initiated = !/no replset config has been received|NotYetInitialized/i.test(String(e));
  if (initiated && !/requires authentication|Unauthorized/i.test(String(e))) {
    throw e;
  }
}
if (!initiated) {
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo-1:27017', priority: 2 },
      { _id: 1, host: 'mongo-2:27017', priority: 1 },
      { _id: 2, host: 'mongo-3:27017', priority: 1 },
    ],
  });
}
// wait for this member to be primary (the users are written there)
for (let i = 0; i < 120 && !db.hello().isWritablePrimary; i++) {
  sleep(1000);
}
if (!db.hello().isWritablePrimary) {
  throw new Error('mongo-1 did not become primary of rs0');
}

const rootPassword = secret('mongo_root_password');
let signedIn = false;
try {
  signedIn = admin.auth('root', rootPassword).ok === 1;
} catch (e) {
  signedIn = false;
}
if (!signedIn) {
  admin.createUser({ user: 'root', pwd: rootPassword, roles: [{ role: 'root', db: 'admin' }] });
  admin.auth('root', rootPassword);
}

for (const service of ['case-service', 'notice-service', 'credit-service']) {
  const password = secret('mongo_' + service + '_password');
  const roles = [{ role: 'readWrite', db: service }];
  if (admin.getUser(service) === null) {
    admin.createUser({ user: service, pwd: password, roles });
  } else {
    admin.updateUser(service, { pwd: password, roles });
  }
}
print('mongo-init: replica set rs0 and the services\' users are in place');
