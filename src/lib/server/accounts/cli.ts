/**
 * `npm run admin -- <command>`: account tasks for whoever runs the server. It never takes or prints
 * a password: it prints a one-time link through which the person chooses one.
 *   create-user --org "DPMD Kabupaten Kutai Kartanegara" --email admin@example.org --name "Nama"
 *   create-user --org "…" --username admin --name "Nama"
 */
import type { Database } from '../db/store';
import { AccountError, createAdminWithSetupLink, LINK_PATH } from './accounts';

export const USAGE = `Usage:
  npm run admin -- create-user --org "Organization name" (--email ADDRESS | --username NAME) --name "Full name"
Prints a one-time setup link (valid 7 days); the person opens it and chooses their own password.
The link's origin comes from PUBLIC_URL or ORIGIN (default http://localhost:3000).`;

export function parseArgs(argv: string[]): { command: string; options: Record<string, string> } {
	const [command = '', ...rest] = argv;
	const options: Record<string, string> = {};
	for (let i = 0; i < rest.length; i++) {
		const flag = /^--([a-z-]+)(?:=(.*))?$/.exec(rest[i]);
		if (!flag) throw new AccountError('invalid_name', `Unexpected argument: ${rest[i]}`);
		if (flag[1] === 'password') throw new AccountError('invalid_name', 'Passwords are never given on the command line: the setup link asks for one');
		options[flag[1]] = flag[2] ?? rest[++i] ?? '';
	}
	return { command, options };
}

export function linkOrigin(env: NodeJS.ProcessEnv = process.env): string {
	const host = env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost';
	return (env.PUBLIC_URL ?? env.ORIGIN ?? `http://${host}:${env.PORT ?? 3000}`).replace(/\/$/, '');
}

/** Runs one command; returns the lines to print, or throws AccountError with a message for the operator. */
export async function run(db: Database, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	const { command, options } = parseArgs(argv);
	if (command !== 'create-user') return [USAGE];
	const login = options.email ?? options.username ?? '';
	if (!options.org || !login || !options.name) throw new AccountError('invalid_name', `create-user needs --org, --email or --username, and --name\n\n${USAGE}`);
	const { organization, account, token } = await createAdminWithSetupLink(db, { organization: options.org, login, name: options.name });
	return [
		`Admin ${account.email ?? account.username} of "${organization.name}" created.`,
		`One-time setup link (valid 7 days; share it with that person only):`,
		`${linkOrigin(env)}${LINK_PATH}/${token}`
	];
}
