// The start-up baseline of bench/startup.mjs: the smallest useful action built with the same toolkit
// (@actions/core) and the same ncc flags as the real one, so the bench can tell what any such action pays
// from what this one adds. Built into a temporary folder at bench time, never committed.
import * as core from '@actions/core';

const who = core.getInput('who') || 'world';
core.info(`Hello, ${who}!`);
core.setOutput('greeting', `Hello, ${who}!`);
