// planEdit's answer: the plan, with `preview` parsed from its text only when first read (most
// callers want the payload and the issues; the preview is as large as the commit).
export function lazyPreview(planText, previewText) {
  const plan = JSON.parse(planText);
  let preview;
  Object.defineProperty(plan, "preview", {
    enumerable: true,
    configurable: true,
    get() {
      if (preview === undefined) preview = JSON.parse(previewText);
      return preview;
    },
    set(value) {
      preview = value;
    },
  });
  return plan;
}
