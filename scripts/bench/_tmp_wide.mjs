import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 320, height: 640 }, isMobile: true });
await page.goto(process.argv[2]); await page.waitForTimeout(1500);
console.log(await page.evaluate(() => {
  const w = document.documentElement.clientWidth; const out = [];
  for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > w + 0.5) out.push(`${el.tagName}.${el.className} id=${el.id} right=${Math.round(r.right)} w=${Math.round(r.width)}`); }
  return out.slice(0, 15).join('\n');
}));
await browser.close();
