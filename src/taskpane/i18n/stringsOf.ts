/** The shape of one section's strings: its keys, each a string or a function with the same parameters returning one. */
export type StringsOf<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };
