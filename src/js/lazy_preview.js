// planEdit's answer: the plan, with `preview` computed only when first read (most callers want the
// payload and the issues; the preview is as large as the commit). Until then the answer holds the
// three argument texts, which give the same preview again if the module no longer has it; once the
// preview is read or set, they are let go.
export function lazyPreview(planText, previewOf, ticket, original, draft, context, marked) {
  const plan = JSON.parse(planText);
  let preview;
  let compute = () => JSON.parse(previewOf(ticket, original, draft, context, marked));
  Object.defineProperty(plan, "preview", {
    enumerable: true,
    configurable: true,
    get() {
      if (compute !== undefined) {
        preview = compute();
        compute = undefined;
      }
      return preview;
    },
    set(value) {
      preview = value;
      compute = undefined;
    },
  });
  return plan;
}
