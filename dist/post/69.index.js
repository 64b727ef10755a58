export const id = 69;
export const ids = [69];
export const modules = {

/***/ 1069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readLogTail: () => (/* binding */ readLogTail)
/* harmony export */ });
/* unused harmony exports DEFAULT_TAIL_BYTES, stripAnsi */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// The tail of the failing stage's log (or of console.log) as a text file to attach to a Discord message.
// Reads only the last bytes through a file handle: stage logs can be hundreds of MB.



const DEFAULT_TAIL_BYTES = 1024 * 1024;
/** Discord refuses files over 10 MiB; stay clear of it. */
const MAX_TAIL_BYTES = 8 * 1024 * 1024;
/** CSI (colours, cursor moves), OSC (titles, links, ended by BEL or ST) and the other two-byte escapes. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
/**
 * Whether the file open as `fd` lies inside `dir`. Asked of the open descriptor (/proc/self/fd), not of the
 * path, so a link swapped in between cannot fool it; without /proc, the path's real location is checked.
 */
async function openedWithin(fd, file, dir) {
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(`/proc/self/fd/${fd}`).catch(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(file).catch(() => null));
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(dir).catch(() => null);
    if (real === null || root === null)
        return false;
    return real === root || real.startsWith(root.endsWith((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)) ? root : root + (node_path__WEBPACK_IMPORTED_MODULE_2___default().sep));
}
/**
 * The last `maxBytes` bytes of a file, starting after the first line break in them (so the text starts at a
 * line boundary and never inside a UTF-8 character), or null when the file is missing, empty, a symlink
 * (the build writes the log folder and could point a log at /etc/shadow or $GITHUB_ENV: never followed), a
 * file with more than one name (a hard link to such a file), or outside `within`.
 */
async function readTail(file, maxBytes, within) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch {
        return null;
    }
    try {
        const st = await handle.stat();
        // A hard link has the same inode as its target: a file with a second name may be /etc/shadow linked
        // into the log folder. The logs the tool writes have one name.
        if (!st.isFile() || st.size === 0 || st.nlink !== 1)
            return null;
        if (within !== null && !(await openedWithin(handle.fd, file, within)))
            return null;
        const length = Math.min(st.size, maxBytes);
        const start = st.size - length;
        const buf = Buffer.alloc(length);
        let got = 0;
        // A file can shrink while read; stop at its end. At most length/1 iterations, each reads ≥ 1 byte.
        while (got < length) {
            const { bytesRead } = await handle.read(buf, got, length - got, start + got);
            if (bytesRead === 0)
                break;
            got += bytesRead;
        }
        let data = buf.subarray(0, got);
        if (start > 0) {
            const nl = data.indexOf(0x0a);
            if (nl >= 0 && nl + 1 < data.length)
                data = data.subarray(nl + 1);
            else
                data = skipContinuationBytes(data);
        }
        return data.length > 0 ? data : null;
    }
    finally {
        await handle.close();
    }
}
/** Without a line break to start at: at least do not start inside a UTF-8 character. */
function skipContinuationBytes(data) {
    let i = 0;
    while (i < data.length && i < 4 && (data[i] & 0xc0) === 0x80)
        i++;
    return data.subarray(i);
}
/** Cuts text to at most `maxBytes` of UTF-8, dropping whole lines from the front. */
function fitBytes(text, maxBytes) {
    let data = Buffer.from(text, 'utf8');
    if (data.length <= maxBytes)
        return data;
    data = data.subarray(data.length - maxBytes);
    const nl = data.indexOf(0x0a);
    return nl >= 0 && nl + 1 < data.length ? data.subarray(nl + 1) : skipContinuationBytes(data);
}
function tailName(file) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file).replace(/\.(txt|log)$/i, '');
    const clean = base.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'log';
    return `${clean}-tail.txt`;
}
/**
 * The tail of the failing stage's log (`build/*.txt` or `test/*.txt`) when it exists and is not empty,
 * else of console.log; ANSI escapes stripped, at most `maxBytes` (default 1 MiB, capped at 8 MiB).
 * Null when neither file has anything.
 */
async function readLogTail(opts) {
    const maxBytes = Math.max(1, Math.min(Math.floor(opts.maxBytes ?? DEFAULT_TAIL_BYTES), MAX_TAIL_BYTES));
    const candidates = opts.failureLogFile ? [opts.failureLogFile, opts.consoleLog] : [opts.consoleLog];
    for (const file of candidates) {
        const raw = await readTail(file, maxBytes, opts.within ?? null);
        if (!raw)
            continue;
        // Stripping only shortens the text, but invalid UTF-8 decodes to 3-byte U+FFFD: fit again.
        const data = fitBytes(stripAnsi(raw.toString('utf8')), maxBytes);
        if (data.length === 0)
            continue;
        const name = file === opts.consoleLog && file !== opts.failureLogFile ? 'console-tail.txt' : tailName(file);
        return { name, contentType: 'text/plain; charset=utf-8', data };
    }
    return null;
}


/***/ })

};
