// Types of bench/corpus.mjs, for the tests that feed its corpora to the parser.

/** The line shapes, one corpus each. */
export declare const SHAPES: readonly string[];

/** The corpus as a sequence of buffers, in order; `bytes` is approximate. */
export declare function corpusBlocks(shape: string, bytes: number): Iterable<Buffer>;

/** The whole corpus in one buffer. */
export declare function corpus(shape: string, bytes: number): Buffer;
