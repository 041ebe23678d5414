// planCreate's non-null payload goes to client.v1.customers.commits.create without a cast.
// Compiled only when the package exports planCreate.
import type Metronome from '@metronome/sdk';
import { planCreate } from 'commit-editor';

type CreateParams = Metronome.V1.Customers.CommitCreateParams;

export function createFrom(draft: Parameters<typeof planCreate>[0]): CreateParams | null {
  const plan = planCreate(draft, { now: '2025-01-01T00:00:00Z' });
  const preview: Metronome.Commit = plan.preview;
  void preview;
  return plan.payload;
}
