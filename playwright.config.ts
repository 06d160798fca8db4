import { defineConfig, devices } from '@playwright/test';

/** Browser tests run Debian's Chromium against the production build; each spec starts its own server. */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']
		},
		trace: 'off',
		screenshot: 'only-on-failure'
	}
});
