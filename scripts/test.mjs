// `npm test`: unit tests, then the production build, then browser tests against it; ends with
// one line "N passed, N failed" over both. Installs what a fresh machine lacks first.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = (command, env = {}) =>
	spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (!existsSync('node_modules/.bin/vitest')) execSync('npm ci', { stdio: 'inherit' });
if (!existsSync(chromium)) {
	if (process.getuid?.() !== 0) {
		console.error(`Chromium is missing at ${chromium}: run "apt-get update && apt-get install -y chromium" as root.`);
		process.exit(1);
	}
	execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit' });
}

// Not test-results/: Playwright empties that folder when it starts.
rmSync('test-reports', { recursive: true, force: true });
mkdirSync('test-reports', { recursive: true });
const unitStatus = run('npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/unit.json');
const buildStatus = run('npm run build --silent');
const e2eStatus =
	buildStatus === 0
		? run('npx playwright test --reporter=list,json', { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-reports/e2e.json' })
		: 1;

function read(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}
const unit = read('test-reports/unit.json');
const e2e = read('test-reports/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
let failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
// A runner that crashed before reporting counts as one failure, never as silence.
if (unitStatus !== 0 && !unit?.numFailedTests) failed += 1;
if (e2eStatus !== 0 && !e2e?.stats?.unexpected) failed += 1;
console.log(`\nunit: ${unit?.numPassedTests ?? 0} passed, browser: ${(e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0)} passed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
