// planEndDate takes a Metronome.Commit, and its non-null payload goes to
// client.v1.customers.commits.updateEndDate without a cast. Compiled only when the package exports planEndDate.
import type Metronome from '@metronome/sdk';
import { planEndDate } from 'commit-editor';

type EndDateParams = Metronome.V1.Customers.CommitUpdateEndDateParams;

export function endDateFrom(commit: Metronome.Commit, customerId: string): EndDateParams | null {
  const plan = planEndDate(commit, { customer_id: customerId, access_ending_before: '2026-01-01T00:00:00Z' });
  return plan.payload;
}
