/* global require, exports */
// Stand-in for the npm `chromedriver` package (which downloads a driver): Debian's chromedriver.
'use strict';
const path = require('node:path');

const driver = process.env.CHROMEDRIVER_PATH || '/usr/bin/chromedriver';
process.env.PATH = `${path.dirname(driver)}${path.delimiter}${process.env.PATH ?? ''}`;
exports.path = driver;
exports.version = 'system';
