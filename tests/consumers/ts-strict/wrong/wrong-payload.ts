// Payload types that are wrong in the ways a generated type could drift. Each line marked WRONG-n
// must be reported by tsc (test/typecheck.test.mjs checks the codes and lines); nothing else may be.
import type Metronome from '@metronome/sdk';
import type { EditCommitPayload } from 'commit-editor';
import type { Equal, Expect, ExtraKeys } from '../src/fit-helpers.js';

type EditParams = Metronome.V2.ContractEditCommitParams;

// The API accepts lower-case enums, the SDK type does not.
type LowerCaseRate = Omit<EditCommitPayload, 'rate_type'> & { rate_type?: 'COMMIT_RATE' | 'LIST_RATE' | 'commit_rate' };
export const lowerCaseRate = (p: LowerCaseRate): EditParams => p; // WRONG-1

// A form value (number | string) leaking into an amount.
type StringAmount = Omit<EditCommitPayload, 'access_schedule'> & {
  access_schedule?: { add_schedule_items?: { amount: number | string; starting_at: string; ending_before: string }[] };
};
export const stringAmount = (p: StringAmount): EditParams => p; // WRONG-2

// A required key made optional.
type NoCommitId = Omit<EditCommitPayload, 'commit_id'> & { commit_id?: string };
export const noCommitId = (p: NoCommitId): EditParams => p; // WRONG-3

// A key the SDK does not have: assignable, so only ExtraKeys catches it.
type ExtraKey = EditCommitPayload & { access_schedule?: { update_schedule_items?: { id: string; invoice_id?: string }[] } };
export type Extra = Expect<Equal<ExtraKeys<ExtraKey, EditParams>, 'specifiers.exclude'>>; // WRONG-4
