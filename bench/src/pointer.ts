// RFC 6901 JSON Pointer: set a value inside a draft, as a form field bound to that path does.
export function setPointer(doc: unknown, pointer: string, value: unknown): void {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: any = doc;
  for (let i = 0; i < parts.length - 1; i++) node = node[parts[i]];
  node[parts[parts.length - 1]] = value;
}
