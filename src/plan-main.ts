import * as core from '@actions/core';
core.info('hello');
const m = await import('./lazy.js');
m.hi();
