// Type-level helpers for the fit checks.

/** `true` only when X and Y are the same type. */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends (<T>() => T extends Y ? 1 : 2) ? true : false;
/** Compiles only when T is `true`. */
export type Expect<T extends true> = T;

type KeysOf<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type Prefix<K extends string, E> = [E] extends [never] ? never : `${K}.${E & string}`;

/**
 * The dotted paths of keys that A has and B does not, at any depth (`never` when there are none).
 * Assignability alone lets a source type carry extra keys; this catches them. Unions are compared
 * member by member on the A side and as a whole on the B side.
 */
export type ExtraKeys<A, B> =
  A extends readonly (infer AI)[]
    ? NonNullable<B> extends readonly (infer BI)[] ? ExtraKeys<AI, BI> : never
    : A extends object
      ? {
          [K in keyof A & string]-?: K extends KeysOf<NonNullable<B>>
            ? Prefix<K, ExtraKeys<NonNullable<A[K]>, NonNullable<FieldOf<NonNullable<B>, K>>>>
            : K;
        }[keyof A & string]
      : never;
