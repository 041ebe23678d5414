// POST /v1/contracts/customerCommits/create: CommitCreatePayload against
// Metronome.V1.Customers.CommitCreateParams. Compiled only when the package exports the type.
import type Metronome from '@metronome/sdk';
import type { CommitCreatePayload } from 'commit-editor';
import type { Equal, Expect, ExtraKeys } from './fit-helpers.js';

type CreateParams = Metronome.V1.Customers.CommitCreateParams;

export const toCreateParams = (payload: CommitCreatePayload): CreateParams => payload;
export type CreateExtras = Expect<Equal<ExtraKeys<CommitCreatePayload, CreateParams>, 'specifiers.exclude'>>;
