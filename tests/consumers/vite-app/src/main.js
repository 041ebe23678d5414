// What a dashboard does: init once, plan the edit of a commit, show the request body.
import init, { planEdit, version } from 'commit-editor';
import sample from '../../sample/edit.json';
import { makeDraft } from '../../sample/draft.mjs';

const out = document.getElementById('payload');
try {
  await init();
  const plan = planEdit(sample.original, makeDraft(sample), sample.context);
  document.getElementById('version').textContent = version();
  document.getElementById('issues').textContent = JSON.stringify(plan.issues);
  out.textContent = JSON.stringify(plan.payload);
  out.dataset.state = 'done';
} catch (error) {
  out.textContent = String(error?.stack ?? error);
  out.dataset.state = 'error';
}
