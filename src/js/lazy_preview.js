// planEdit's answer: the plan, with `preview` computed only when first read (most callers want
// the payload and the issues; the preview is as large as the commit). Until then the answer holds
// the three argument texts, which give the same preview again if the module no longer has it.
export function lazyPreview(planText, previewOf, ticket, original, draft, context) {
  const plan = JSON.parse(planText);
  let preview;
  Object.defineProperty(plan, "preview", {
    enumerable: true,
    configurable: true,
    get() {
      if (preview === undefined) {
        preview = JSON.parse(previewOf(ticket, original, draft, context));
        original = draft = context = undefined;
      }
      return preview;
    },
    set(value) {
      preview = value;
      original = draft = context = undefined;
    },
  });
  return plan;
}
