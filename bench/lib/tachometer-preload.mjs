// Loaded with `node --import` into tachometer's process (bench/render.mjs): makes tachometer drive Debian's
// /usr/bin/chromedriver and never download one.
//
// - tachometer asks for the npm package `chromedriver` (installing it on demand, which downloads a driver):
//   a resolve hook (and NODE_PATH, for its `require.resolve` probe) answers with a local stand-in instead.
// - selenium-webdriver would ask Selenium Manager for a driver: the default Chrome service is pointed at
//   the Debian driver instead.
import { realpathSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMEDRIVER } from './common.mjs';

register('./tachometer-hooks.mjs', import.meta.url);

const tachometer = createRequire(
  realpathSync(join(process.cwd(), 'node_modules', 'tachometer', 'package.json')),
);
const chromeModule = tachometer.resolve('selenium-webdriver/chrome.js');
const chrome = await import(pathToFileURL(chromeModule).href);
const { Driver, ServiceBuilder } = chrome.default ?? chrome;
Driver.getDefaultService = () => new ServiceBuilder(CHROMEDRIVER).build();
