/**
 * A message table's shape: the same nested keys as the Indonesian original, any text. English
 * tables are typed with it, so a key missing or misspelt in one language fails the type check.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
