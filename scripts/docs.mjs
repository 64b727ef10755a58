// Regenerates the inputs/outputs tables in README.md (between the <!-- inputs --> / <!-- outputs --> markers)
// from action.yml. `node scripts/docs.mjs --check` exits 1 when README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

export function tables(actionYml) {
  const action = parse(actionYml);
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${i.default === undefined || i.default === '' ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`,
  );
  return {
    inputs: ['| input | required | default | description |', '| --- | --- | --- | --- |', ...inputs].join(
      '\n',
    ),
    outputs: ['| output | description |', '| --- | --- |', ...outputs].join('\n'),
  };
}

export function render(readme, actionYml, prefix = '') {
  const t = tables(actionYml);
  let out = readme;
  for (const kind of ['inputs', 'outputs']) {
    const re = new RegExp(`(<!-- ${prefix}${kind} -->\\n)[\\s\\S]*?(<!-- /${prefix}${kind} -->)`);
    if (!re.test(out)) throw new Error(`README has no <!-- ${prefix}${kind} --> markers`);
    out = out.replace(re, (_m, open, close) => `${open}${t[kind]}\n${close}`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  let next = render(readme, readFileSync(path.join(root, 'action.yml'), 'utf8'));
  next = render(next, readFileSync(path.join(root, 'summarize', 'action.yml'), 'utf8'), 'summarize-');
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables differ from action.yml: run node scripts/docs.mjs');
      process.exit(1);
    }
  } else writeFileSync(readmePath, next);
}
