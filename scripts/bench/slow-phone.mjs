// The join page on a slow phone: headless Chromium with the network and CPU throttled through the
// DevTools protocol (300 ms latency, 50 kB/s each way, CPU 4× slower), a fresh context each time
// (nothing cached). Times, from the start of navigation:
// - formMs: the join form is on screen and usable. It is server-rendered with its styles inlined,
//   so the page's first contentful paint draws it whole, and it posts as a plain HTML form before
//   any script runs: painted is usable. Checked: the form and its submit button are there then.
// - scriptsMs: the load event, when the start scripts have run and the form is enhanced.
// One warm-up run first (the server's first render of a page is slower), then the median of `runs`.
export const SLOW_PHONE = { latencyMs: 300, kBps: 50, cpuSlowdown: 4 };

export async function slowPhoneJoin(pageUrl, { runs = 3, executablePath = '/usr/bin/chromium' } = {}) {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	const times = [];
	try {
		for (let run = -1; run < runs; run++) {
			const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			const bytesPerSecond = SLOW_PHONE.kBps * 1024;
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: SLOW_PHONE.latencyMs,
				downloadThroughput: bytesPerSecond,
				uploadThroughput: bytesPerSecond
			});
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
			await page.goto(pageUrl, { waitUntil: 'load', timeout: 60_000 });
			await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'visible' });
			const timing = await page.evaluate(() => ({
				formMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				scriptsMs: performance.getEntriesByType('navigation')[0].loadEventEnd
			}));
			if (run >= 0) times.push({ formMs: Math.round(timing.formMs), scriptsMs: Math.round(timing.scriptsMs) });
			await context.close();
		}
	} finally {
		await browser.close();
	}
	const median = (key) => times.map((t) => t[key]).sort((a, b) => a - b)[Math.floor(times.length / 2)];
	return { ...SLOW_PHONE, runs, formMs: median('formMs'), scriptsMs: median('scriptsMs'), times };
}
