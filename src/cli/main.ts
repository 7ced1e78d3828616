import { Command, Option } from 'commander';
import { roles } from '../domain/access/roles.js';
import { loadConfig } from '../platform/config.js';
import { runWithContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { version } from '../platform/version.js';
import { billRunCommand } from './bill-run.js';
import {
  migrateCommand,
  seedCommand,
  serveCommand,
  tokenCreateCommand,
  userCreateCommand,
  workerCommand,
} from './commands.js';
import { importAssetsCommand } from './import-assets.js';

const program = new Command('keel')
  .description('Keel: run a managed service provider.')
  .version(version)
  .showHelpAfterError();

program
  .command('serve', { isDefault: true })
  .description('Serve the API and web app (and work jobs in-process unless KEEL_WORKER=false)')
  .action(() => serveCommand(loadConfig()));
program
  .command('worker')
  .description('Work background jobs only')
  .action(() => workerCommand(loadConfig()));
program
  .command('migrate')
  .description('Apply database migrations')
  .action(() => migrateCommand(loadConfig()));

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a staff or portal user')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .addOption(new Option('--role <role>').choices(roles).makeOptionMandatory())
  .option('--name <name>')
  .option('--client <id>', 'client id (portal users)')
  .action((o) => userCreateCommand(loadConfig(), o));

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for a user and print it')
  .requiredOption('--email <email>')
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--scopes <scopes...>', 'permissions (default: all of the user’s role)')
  .action((o) => tokenCreateCommand(loadConfig(), o));

program
  .command('seed')
  .description('Fill the database with data')
  .option('--demo', 'a realistic demo MSP (about 40 clients of every kind)')
  .action((o) => seedCommand(loadConfig(), o));

const importer = program.command('import').description('Import records from files');
importer
  .command('assets <file>')
  .description(
    'Import assets from a CSV file (checked row by row; safe to repeat: existing assets are updated)',
  )
  .addOption(new Option('--format <format>', 'file format').choices(['csv']).default('csv'))
  .option('--dry-run', 'check every row and report, writing nothing')
  .action((file, o) => importAssetsCommand(loadConfig(), file, o));

const bill = program.command('bill').description('Billing');
bill
  .command('run')
  .description('Bill a period: one draft invoice per client (safe to repeat; --dry-run writes nothing)')
  .requiredOption('--period <YYYY-MM>', 'the billing period, e.g. 2026-03')
  .option('--client <id>', 'only this client')
  .option('--dry-run', 'show what would be billed and write nothing')
  .action((o) => billRunCommand(loadConfig(), o));

try {
  await runWithContext(
    { requestId: `cli-${process.pid}`, ip: null, principal: null, channel: 'cli', audited: 0 },
    () => program.parseAsync(),
  );
} catch (err) {
  const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
  console.error(`keel: ${message}`);
  process.exitCode = 1;
}
