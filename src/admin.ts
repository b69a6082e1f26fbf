/**
 * `npm run admin -- <command>` (in the container: `node dist/src/admin.js <command>`): the
 * operator role, managed by whoever can run commands on the server — the one place it can be
 * granted without the setup token (src/services/operator-service.ts). Reads the same
 * configuration as the server (environment, then .env) and works while the server runs: the
 * change applies to the account's next request.
 *
 *   grant EMAIL    make the account with this email an operator
 *   revoke EMAIL   take the role away
 *   list           print every operator
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfigOrExit, postgresNotServedYet } from './config.js';
import { openDatabase } from './db/client.js';
import { createUsersRepository } from './repositories/users-repository.js';
import { grantOperator, revokeOperator } from './services/operator-service.js';

const USAGE = `Usage: npm run admin -- grant EMAIL | revoke EMAIL | list
  grant EMAIL    make the account registered with EMAIL an operator (it must exist: register first)
  revoke EMAIL   take the operator role away from that account
  list           print every operator`;

export async function runAdminCli(args: string[]): Promise<number> {
  const [command, email] = args;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 64;
  }
  if ((command === 'grant' || command === 'revoke') && !email) {
    console.error(`${command} needs an email.\n${USAGE}`);
    return 64;
  }
  if (!['grant', 'revoke', 'list'].includes(command)) {
    console.error(`Unknown command "${command}".\n${USAGE}`);
    return 64;
  }
  const config = loadConfigOrExit();
  const refusal = postgresNotServedYet(config, '`npm run admin`');
  if (refusal) {
    console.error(refusal);
    return 78;
  }
  const database = openDatabase(config.databasePath);
  try {
    const users = createUsersRepository(database.db);
    if (command === 'list') {
      const operators = await users.listOperators();
      if (operators.length === 0) console.log('No operators yet. Grant the role with: npm run admin -- grant EMAIL');
      for (const o of operators) console.log(`${o.email}\toperator since ${o.operatorSince.toISOString()}`);
      return 0;
    }
    const result = command === 'grant' ? await grantOperator(users, email!, new Date()) : await revokeOperator(users, email!);
    switch (result.kind) {
      case 'no-account':
        console.error(`There is no account with the email ${result.email || '(empty)'}. Register it on the site first, then run this again.`);
        return 1;
      case 'granted':
        console.log(`${result.email} is now an operator (it sees /admin/users from its next page).`);
        return 0;
      case 'already':
        console.log(`${result.email} is already an operator.`);
        return 0;
      case 'revoked':
        console.log(`${result.email} is no longer an operator.`);
        return 0;
      case 'not-operator':
        console.log(`${result.email} was not an operator.`);
        return 0;
    }
  } finally {
    database.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await runAdminCli(process.argv.slice(2));
