// `npm run screenshots`: the pictures in docs/images/, made from what the action really sends. It runs the demo's
// builds (scripts/demo.mjs: dist/ against the fake jetson-containers, a loopback receiver), renders the Discord
// messages the receiver got and the job summary the action wrote as HTML imitating Discord's dark theme and
// GitHub's job summary page, and shoots each page with a headless Chromium.
//
//   node scripts/screenshots.mjs [--out DIR] [--html DIR] [--require] [--which]
//
// --out: where the PNGs go (docs/images); --html: keep the rendered HTML there; --require: exit 1 when no
// Chromium is found (else 0, so a machine without one is not an error); --which: print the Chromium it would
// use and exit. Chromium: $CHROMIUM, else chromium / chromium-browser / google-chrome on the PATH.
// Colour emoji need an emoji font (Debian/Ubuntu: fonts-noto-color-emoji).
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const CHROMIUM_TIMEOUT_MS = 60_000;

function option(name) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : null;
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use, or `{ error }` saying why there is none. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM) {
    return executable(env.CHROMIUM)
      ? { file: env.CHROMIUM }
      : { error: `CHROMIUM=${env.CHROMIUM} is not an executable file`, explicit: true };
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean))
    for (const name of CHROMIUM_NAMES)
      if (executable(path.join(dir, name))) return { file: path.join(dir, name) };
  return {
    error: `no Chromium found (set CHROMIUM, or put one of ${CHROMIUM_NAMES.join(', ')} on the PATH)`,
  };
}

// ---- markdown ----

const esc = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
const safeHref = (u) => (/^https?:\/\//i.test(u) ? esc(u) : '#');

/**
 * Placeholders for finished HTML, so later rules (emphasis, links) never look inside code spans, escapes or
 * links: `\uE000<n>\uE001`, private-use characters that `plain` takes out of the source first.
 */
function slots() {
  const held = [];
  return {
    hold: (html) => `\uE000${held.push(html) - 1}\uE001`,
    restore: (s) => {
      let out = s;
      // Held HTML may hold placeholders itself (a code span inside a link text): a few passes at most.
      for (let pass = 0; pass < 8 && out.includes('\uE000'); pass++)
        out = out.replace(/\uE000(\d+)\uE001/g, (_, i) => held[Number(i)]);
      return out;
    },
  };
}

const plain = (source) => String(source).replace(/[\uE000\uE001]/g, '\uFFFD');

function emphasis(s) {
  return s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])/g, '$1<em>$2</em>')
    .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
}

// The inline markdown both renderers share: code spans, backslash escapes, links, bold, italic, strikethrough.
function inline(text, { hold, extra = (s) => s }) {
  let s = text
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks, code) => {
      const body = /^ .*[^ ].* $/s.test(code) ? code.slice(1, -1) : code;
      return hold(`<code>${esc(body)}</code>`);
    })
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c) => hold(esc(c)));
  s = s.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label, url) =>
    hold(`<a href="${safeHref(url)}">${emphasis(esc(label))}</a>`),
  );
  return emphasis(esc(extra(s)));
}

// ---- Discord's markdown (the subset a webhook embed renders) ----

function discordLine(line, hold) {
  const text = (s) => inline(s, { hold });
  let m;
  if ((m = /^(#{1,3}) (.+)$/.exec(line)))
    return { block: `<h${m[1].length}>${text(m[2])}</h${m[1].length}>` };
  if ((m = /^-# (.+)$/.exec(line))) return { block: `<div class="subtext">${text(m[1])}</div>` };
  if ((m = /^> ?(.*)$/.exec(line))) return { block: `<blockquote>${text(m[1])}</blockquote>` };
  if ((m = /^[-*] (.+)$/.exec(line))) return { block: `<ul><li>${text(m[1])}</li></ul>` };
  return { inline: text(line) };
}

/** Discord's markdown: ``` fences (the next ``` closes), headings, subtext, quotes, lists, inline marks. */
export function discordMarkdown(source) {
  const { hold, restore } = slots();
  const parts = plain(source).split('```');
  // An unclosed fence is text, as Discord shows it.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`\`\`${parts.at(-1)}`);
  const html = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const body = part.replace(/^[\w+#.-]*\n/, '').replace(/\n$/, '');
      html.push(`<pre><code>${esc(body)}</code></pre>`);
      return;
    }
    // Discord drops the line break right after a closing fence and right before an opening one.
    let text = i > 0 ? part.replace(/^\n/, '') : part;
    if (i < parts.length - 1) text = text.replace(/\n$/, '');
    if (text === '') return;
    let run = [];
    const flush = () => {
      if (run.length) html.push(`<div class="text">${run.join('<br>')}</div>`);
      run = [];
    };
    for (const line of text.split('\n')) {
      const r = discordLine(line, hold);
      if (r.inline !== undefined) run.push(r.inline);
      else {
        flush();
        html.push(r.block);
      }
    }
    flush();
  });
  return restore(html.join(''));
}

// ---- GitHub's markdown (the subset the job summary uses) ----
// node_modules has no markdown library (and installing one only for the pictures is not worth a dependency):
// this renders the GFM the summary writers produce - ATX headings, paragraphs, blockquotes, pipe tables,
// fenced code, lists, thematic breaks, inline code/links/emphasis and the few HTML tags GitHub keeps
// (details, summary, sub, br, …; everything else is shown as text, like GitHub's sanitiser would drop it).

const HTML_TAGS = /<(\/?)(details|summary|sub|sup|br|b|i|em|strong|code|kbd|p|div)(\s+open)?\s*\/?>/gi;

function gfmInline(text, hold) {
  return inline(text, {
    hold,
    extra: (s) =>
      s
        .replace(HTML_TAGS, (_, close, tag, open) =>
          hold(`<${close}${tag.toLowerCase()}${open ? ' open' : ''}>`),
        )
        .replace(/<(https?:\/\/[^>\s]+)>/g, (_, u) => hold(`<a href="${safeHref(u)}">${esc(u)}</a>`))
        .replace(
          /(^|[\s(])(https?:\/\/[^\s<)]+[^\s<).,:;])/g,
          (_, pre, u) => `${pre}${hold(`<a href="${safeHref(u)}">${esc(u)}</a>`)}`,
        ),
  });
}

const TABLE_RULE = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

function tableCells(line) {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function gfmTable(lines, hold) {
  const align = tableCells(lines[1]).map((c) =>
    c.startsWith(':') && c.endsWith(':')
      ? 'center'
      : c.endsWith(':')
        ? 'right'
        : c.startsWith(':')
          ? 'left'
          : '',
  );
  const row = (line, tag) =>
    `<tr>${tableCells(line)
      .slice(0, align.length)
      .map((c, i) => `<${tag}${align[i] ? ` align="${align[i]}"` : ''}>${gfmInline(c, hold)}</${tag}>`)
      .join('')}</tr>`;
  const body = lines.slice(2).map((l) => row(l, 'td'));
  return `<table><thead>${row(lines[0], 'th')}</thead><tbody>${body.join('')}</tbody></table>`;
}

/** Lines from `i` while `keep(line)` holds. */
function takeWhile(lines, i, keep) {
  let j = i;
  while (j < lines.length && keep(lines[j])) j++;
  return lines.slice(i, j);
}

const BLOCK_START = /^ {0,3}(#{1,6}\s|>|`{3,}|~{3,}|[-*+] |\d+[.)] |<\/?(details|summary|div|p)\b)/i;

function gfmBlock(lines, i, hold) {
  const line = lines[i];
  let m;
  if ((m = /^ {0,3}(`{3,}|~{3,})/.exec(line))) {
    const closes = (l) => new RegExp(`^ {0,3}${m[1][0]}{${m[1].length},}\\s*$`).test(l);
    const body = takeWhile(lines, i + 1, (l) => !closes(l));
    return [`<pre><code>${esc(body.join('\n'))}</code></pre>`, body.length + 2];
  }
  if ((m = /^ {0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$/.exec(line)))
    return [`<h${m[1].length}>${gfmInline(m[2], hold)}</h${m[1].length}>`, 1];
  if (/^ {0,3}([-*_])( *\1){2,} *$/.test(line)) return ['<hr>', 1];
  if (/^ {0,3}>/.test(line)) {
    const quoted = takeWhile(lines, i, (l) => /^ {0,3}>/.test(l));
    const inner = gfmMarkdownWith(
      quoted.map((l) => l.replace(/^ {0,3}> ?/, '')),
      hold,
    );
    return [`<blockquote>${inner}</blockquote>`, quoted.length];
  }
  if (line.includes('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
    const rows = takeWhile(lines, i, (l) => l.trim() !== '' && l.includes('|'));
    return [gfmTable(rows, hold), rows.length];
  }
  if ((m = /^ {0,3}([-*+]|\d+[.)]) /.exec(line))) {
    const items = takeWhile(lines, i, (l) => /^ {0,3}([-*+]|\d+[.)]) /.test(l));
    const tag = /\d/.test(m[1]) ? 'ol' : 'ul';
    const lis = items.map((l) => `<li>${gfmInline(l.replace(/^ {0,3}([-*+]|\d+[.)]) /, ''), hold)}</li>`);
    return [`<${tag}>${lis.join('')}</${tag}>`, items.length];
  }
  if (/^ {0,3}<\/?(details|summary|div|p)\b/i.test(line)) {
    const block = takeWhile(lines, i, (l) => l.trim() !== '');
    return [gfmInline(block.join('\n'), hold), block.length];
  }
  const para = [line, ...takeWhile(lines, i + 1, (l) => l.trim() !== '' && !BLOCK_START.test(l))];
  return [`<p>${gfmInline(para.join('\n'), hold)}</p>`, para.length];
}

function gfmMarkdownWith(lines, hold) {
  const html = [];
  for (let i = 0; i < lines.length;) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const [block, used] = gfmBlock(lines, i, hold);
    html.push(block);
    i += used;
  }
  return html.join('\n');
}

export function gfmMarkdown(source) {
  const { hold, restore } = slots();
  return restore(gfmMarkdownWith(plain(source).replace(/\r\n?/g, '\n').split('\n'), hold));
}

// ---- pages ----

const EMOJI_FONTS = '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

const DISCORD_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #313338; color: #dbdee1; -webkit-font-smoothing: antialiased;
  font: 16px/1.375 "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif, ${EMOJI_FONTS}; }
#shot { display: flex; gap: 16px; padding: 16px 16px 18px 16px; width: 100%; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #76b900; display: grid;
  place-items: center; color: #fff; font-weight: 700; font-size: 15px; margin-top: 2px; }
.main { min-width: 0; flex: 1; }
.head { display: flex; align-items: baseline; gap: 6px; }
.user { color: #f2f3f5; font-weight: 600; }
.app { background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px;
  line-height: 15px; position: relative; top: -2px; }
.time, .footer { color: #949ba4; font-size: 12px; }
.content { margin-top: 2px; }
.embed { margin-top: 4px; max-width: 520px; background: #2b2d31; border-left: 4px solid; border-radius: 4px;
  padding: 8px 16px 16px 12px; font-size: 14px; line-height: 18px; }
.title { margin-top: 8px; font-size: 16px; line-height: 22px; font-weight: 600; color: #f2f3f5; }
a { color: #00a8fc; text-decoration: none; }
.desc { margin-top: 8px; }
.fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-top: 8px; }
.field { grid-column: 1 / 4; } .field.inline { grid-column: auto; }
.field-name { font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
.footer { margin-top: 8px; line-height: 16px; font-weight: 500; }
code { font: 0.85em/1.125rem Consolas, "Andale Mono WT", "Andale Mono", "DejaVu Sans Mono", monospace;
  background: #1e1f22; border-radius: 3px; padding: 0 .2em; }
pre { margin: 6px 0 0; max-width: 100%; }
pre code { display: block; background: #1e1f22; border: 1px solid #1e1f22; border-radius: 4px; padding: .5em;
  font-size: 12px; line-height: 16px; white-space: pre-wrap; overflow-wrap: anywhere; color: #dbdee1; }
pre + .text { margin-top: 4px; }
h1, h2, h3 { margin: 8px 0 4px; color: #f2f3f5; line-height: 1.375; } h1 { font-size: 1.5em; } h2 { font-size: 1.25em; }
h3 { font-size: 1em; }
blockquote { margin: 0; padding: 0 8px 0 12px; border-left: 4px solid #4e5058; }
ul { margin: 0; padding-left: 20px; } .subtext { font-size: 12px; color: #949ba4; }
.file { margin-top: 8px; display: flex; gap: 8px; align-items: center; width: 432px; background: #2b2d31;
  border: 1px solid #1e1f22; border-radius: 8px; padding: 16px; }
.file-icon { width: 30px; height: 40px; flex: none; }
.file-name { color: #00a8fc; font-size: 16px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.file-size { color: #949ba4; font-size: 12px; }
`;

const FILE_ICON =
  '<svg class="file-icon" viewBox="0 0 30 40"><path fill="#f4f5fb" d="M0 3a3 3 0 0 1 3-3h17l10 10v27a3 3 0 0 1-3 3H3a3 3 0 0 1-3-3z"/>' +
  '<path fill="#d4d6f0" d="M20 0l10 10h-7a3 3 0 0 1-3-3z"/><path stroke="#8c8fb4" stroke-width="2" d="M7 18h16M7 23h16M7 28h11"/></svg>';

// Discord's chrome shows when the message was posted; a fixed time keeps the committed pictures the same from
// one run of the script to the next (the message itself is rendered as sent).
function clock(iso) {
  return Number.isNaN(new Date(iso).getTime()) ? '' : 'Today at 9:41 AM';
}

function embedHtml(e) {
  const fields = (e.fields ?? []).map(
    (f) =>
      `<div class="field${f.inline ? ' inline' : ''}"><div class="field-name">${discordMarkdown(f.name)}</div>` +
      `<div class="field-value">${discordMarkdown(f.value)}</div></div>`,
  );
  const title = e.title ? discordMarkdown(e.title) : '';
  const footer = [e.footer?.text ? esc(e.footer.text) : '', e.timestamp ? clock(e.timestamp) : ''].filter(
    Boolean,
  );
  const colour = `#${Number(e.color ?? 0x1e1f22)
    .toString(16)
    .padStart(6, '0')}`;
  return (
    `<div class="embed" style="border-left-color:${colour}">` +
    (e.author?.name ? `<div class="author">${esc(e.author.name)}</div>` : '') +
    (title ? `<div class="title">${e.url ? `<a href="${safeHref(e.url)}">${title}</a>` : title}</div>` : '') +
    (e.description ? `<div class="desc">${discordMarkdown(e.description)}</div>` : '') +
    (fields.length ? `<div class="fields">${fields.join('')}</div>` : '') +
    (footer.length ? `<div class="footer">${footer.join(' • ')}</div>` : '') +
    `</div>`
  );
}

function kib(n) {
  return n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(2)} KB`;
}

/** A Discord message as the dark theme shows it: avatar, name, APP tag, content, embeds, attachments. */
export function discordPage({ json, files }) {
  const name = json.username || 'Jetson builds';
  const when = clock(json.embeds?.[0]?.timestamp ?? '');
  const attachments = files.map(
    (f) =>
      `<div class="file">${FILE_ICON}<div style="min-width:0"><div class="file-name">${esc(f.name)}</div>` +
      `<div class="file-size">${kib(f.size)}</div></div></div>`,
  );
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${DISCORD_CSS}</style></head><body>` +
    `<div id="shot"><div class="avatar">JB</div><div class="main">` +
    `<div class="head"><span class="user">${esc(name)}</span><span class="app">APP</span>` +
    `<span class="time">${when}</span></div>` +
    (json.content ? `<div class="content">${discordMarkdown(json.content)}</div>` : '') +
    (json.embeds ?? []).map(embedHtml).join('') +
    attachments.join('') +
    `</div></div></body></html>`
  );
}

const GITHUB_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, ${EMOJI_FONTS}; }
#shot { padding: 16px; }
.card { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.card-head { padding: 16px 24px 8px; font-size: 16px; font-weight: 600; }
.markdown-body { padding: 0 24px 8px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 8px !important; }
h1, h2, h3, h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
h3 { font-size: 1.25em; } h4 { font-size: 1em; }
p, blockquote, table, pre, ul, ol, details { margin: 0 0 16px; }
a { color: #0969da; text-decoration: none; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
blockquote > :last-child { margin-bottom: 0; }
code { font: 85%/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  padding: .2em .4em; background: #818b981f; border-radius: 6px; white-space: break-spaces; }
pre { padding: 16px; overflow: hidden; background: #f6f8fa; border-radius: 6px; }
pre code { padding: 0; background: transparent; font-size: 12px; white-space: pre; }
table { display: block; width: max-content; max-width: 100%; overflow: hidden; border-spacing: 0; border-collapse: collapse; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; } th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
hr { height: .25em; margin: 24px 0; background: #d1d9e0; border: 0; }
sub { font-size: 75%; }
`;

/** The job summary as the run's Summary page shows it: a card headed `<job> summary` with the markdown. */
export function summaryPage(markdown, job = 'build') {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${GITHUB_CSS}</style></head><body>` +
    `<div id="shot"><div class="card"><div class="card-head">${esc(job)} summary</div>` +
    `<div class="markdown-body">${gfmMarkdown(markdown)}</div></div></div></body></html>`
  );
}

// ---- Chromium ----

// Everything this script creates outside --out/--html, and the Chromiums running: gone at the end and on Ctrl-C.
const work = { dir: null, browsers: new Set(), stopping: false };

function workDir() {
  work.dir ??= mkdtempSync(path.join(os.tmpdir(), 'jetson-build-shots-'));
  return work.dir;
}

function chromium(file, args) {
  const profile = mkdtempSync(path.join(workDir(), 'profile-'));
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--hide-scrollbars',
    ...args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(file, flags, { stdio: ['ignore', 'pipe', 'pipe'] });
    work.browsers.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHROMIUM_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      work.browsers.delete(child);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) resolve(out);
      else {
        const how = signal ? `was killed (${signal})` : `exited ${code}`;
        reject(new Error(`${file} ${how}: ${err.trim().slice(-600)}`));
      }
    });
  });
}

/**
 * Each page's content height at its width, in one Chromium run: the pages load as iframes of a page that
 * writes their heights into the DOM Chromium dumps.
 */
async function measure(file, pages) {
  const frames = pages.map(
    (p, i) =>
      `<iframe id="f${i}" style="width:${p.width}px;height:4000px;border:0" srcdoc="${esc(p.html)}"></iframe>`,
  );
  const script =
    `onload=()=>{for(const f of document.querySelectorAll('iframe')){const r=f.contentDocument` +
    `.getElementById('shot').getBoundingClientRect();f.dataset.height=Math.ceil(r.bottom)}}`;
  const page = path.join(workDir(), 'measure.html');
  writeFileSync(
    page,
    `<!doctype html><html><body>${frames.join('')}<script>${script}</script></body></html>`,
  );
  const dom = await chromium(file, [`--window-size=1400,1000`, '--dump-dom', `file://${page}`]);
  return pages.map((_, i) => {
    const m = new RegExp(`id="f${i}"[^>]*data-height="(\\d+)"|data-height="(\\d+)"[^>]*id="f${i}"`).exec(dom);
    if (!m) throw new Error(`could not measure page ${i + 1}: Chromium's DOM has no height for it`);
    return Number(m[1] ?? m[2]);
  });
}

// ---- the demo's payloads ----

/**
 * Runs the demo's builds and returns what the action sent and wrote. Paths on this machine (the demo's temp
 * folder) are shown as a runner's (`/home/nvidia/actions-runner/_work/…`): nothing else is changed.
 */
async function demoOutput({ DEMO_BUILDS, runDemoBuild, withDemoServices }) {
  const requests = [];
  return withDemoServices(
    (r) => requests.push(r),
    async ({ base, artifactEnv }) => {
      const out = {};
      for (const build of DEMO_BUILDS) {
        const from = requests.length;
        const result = await runDemoBuild(build, { base, artifactEnv });
        const local = (s) =>
          s
            .replaceAll(`${result.dir}/temp`, '/home/nvidia/actions-runner/_work/_temp')
            .replaceAll(result.dir, '/home/nvidia/actions-runner/_work/jetson-images/jetson-images');
        const discord = requests.slice(from).find((r) => r.discord && r.json);
        if (!discord)
          throw new Error(`the ${build.id} build sent no Discord message (step exit ${result.code})`);
        out[build.id] = {
          discord: { json: JSON.parse(local(JSON.stringify(discord.json))), files: discord.files },
          summary: local(result.summary),
        };
      }
      return out;
    },
  );
}

async function shoot(file, pages, out, htmlDir) {
  for (const p of pages) writeFileSync(path.join(htmlDir, `${p.name}.html`), p.html);
  const heights = await measure(file, pages);
  await Promise.all(
    pages.map((p, i) =>
      chromium(file, [
        '--force-device-scale-factor=2',
        `--window-size=${p.width},${heights[i]}`,
        `--screenshot=${path.join(out, `${p.name}.png`)}`,
        `file://${path.join(htmlDir, `${p.name}.html`)}`,
      ]),
    ),
  );
  for (const [i, p] of pages.entries()) {
    const png = path.relative(process.cwd(), path.join(out, `${p.name}.png`));
    console.log(`screenshots: ${png} (${p.width}×${heights[i]} CSS px, shot at 2×)`);
  }
}

async function main() {
  const found = findChromium();
  if (process.argv.includes('--which')) {
    console.log(found.file ?? '');
    return;
  }
  if (!found.file) {
    const required = process.argv.includes('--require') || found.explicit;
    console.log(`screenshots: ${found.error}; ${required ? 'failing' : 'skipping'} (nothing rendered).`);
    process.exitCode = required ? 1 : 0;
    return;
  }
  const demoModule = await import('./demo.mjs');
  const stop = async (signal) => {
    work.stopping = true;
    // Chromium writes into its profile until it is gone: wait for it (5 s at most) before removing the folder.
    const closed = [...work.browsers].map(
      (child) =>
        new Promise((resolve) => {
          child.once('close', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
    );
    await Promise.all([...closed, demoModule.stopDemo(signal)]);
    if (work.dir) rmSync(work.dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const out = option('--out') ?? path.join(root, 'docs', 'images');
  try {
    const demo = await demoOutput(demoModule);
    const pages = [
      { name: 'discord-failure', width: 640, html: discordPage(demo.failure.discord) },
      { name: 'discord-success', width: 640, html: discordPage(demo.success.discord) },
      { name: 'job-summary', width: 1180, html: summaryPage(demo.failure.summary) },
    ];
    const htmlDir = option('--html') ?? path.join(workDir(), 'html');
    mkdirSync(htmlDir, { recursive: true });
    mkdirSync(out, { recursive: true });
    await shoot(found.file, pages, out, htmlDir);
  } finally {
    if (work.dir) rmSync(work.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (err) {
    // A Chromium ended by Ctrl-C is no error to report: the signal handler is exiting.
    if (!work.stopping) console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
