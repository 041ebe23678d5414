// POST /v1/contracts/customerCommits/updateEndDate: UpdateEndDatePayload against
// Metronome.V1.Customers.CommitUpdateEndDateParams. Compiled only when the package exports the type.
import type Metronome from '@metronome/sdk';
import type { UpdateEndDatePayload } from 'commit-editor';
import type { Equal, Expect, ExtraKeys } from './fit-helpers.js';

type EndDateParams = Metronome.V1.Customers.CommitUpdateEndDateParams;

export const toEndDateParams = (payload: UpdateEndDatePayload): EndDateParams => payload;
export type EndDateExtras = Expect<Equal<ExtraKeys<UpdateEndDatePayload, EndDateParams>, never>>;
