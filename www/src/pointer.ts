// RFC 6901 JSON Pointers, and names for people.

export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function parentPointer(ptr: string): string | null {
  if (ptr === '') return null;
  const i = ptr.lastIndexOf('/');
  return ptr.slice(0, i);
}

export function getAt(obj: unknown, ptr: string): unknown {
  let cur: unknown = obj;
  for (const seg of parsePointer(ptr)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Set a value in a plain JSON tree, creating objects on the way. */
export function setAt(obj: Record<string, unknown>, ptr: string, value: unknown): void {
  const segs = parsePointer(ptr);
  if (segs.length === 0) return;
  let cur: Record<string, unknown> = obj;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (next === null || typeof next !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]] = value;
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  priority: 'Priority',
  rate_type: 'Rate type',
  product: 'Product',
  product_id: 'Product ID',
  invoice_contract: 'Invoice contract',
  invoice_contract_id: 'Invoice contract ID',
  applicable_product_ids: 'Applicable product IDs',
  applicable_product_tags: 'Applicable product tags',
  applicable_contract_ids: 'Applicable contract IDs',
  specifiers: 'Specifiers',
  access_schedule: 'Access schedule',
  invoice_schedule: 'Invoice schedule',
  schedule_items: 'items',
  amount: 'amount',
  starting_at: 'start',
  ending_before: 'end',
  timestamp: 'invoice date',
  unit_price: 'unit price',
  quantity: 'quantity',
  pricing_group_values: 'pricing group values',
  presentation_group_values: 'presentation group values',
  product_tags: 'product tags',
  customer_id: 'Customer ID',
  contract_id: 'Contract ID',
  amendment_id: 'Amendment ID',
  access_ending_before: 'Access ends before',
  invoices_ending_before: 'Invoices end before',
  type: 'Type',
  id: 'ID',
  recurring_schedule: 'Recurring schedule',
  credit_type_id: 'Credit type',
  uniqueness_key: 'Uniqueness key',
};

/** "/access_schedule/schedule_items/3/amount" → "Access schedule · row 4 · amount". */
export function describePointer(ptr: string): string {
  const segs = parsePointer(ptr);
  if (segs.length === 0) return 'Commit';
  const parts: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === 'schedule_items') {
      const next = segs[i + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        parts.push(`row ${Number(next) + 1}`);
        i++;
      } else {
        parts.push('rows');
      }
      continue;
    }
    if (/^\d+$/.test(seg)) {
      parts.push(`#${Number(seg) + 1}`);
      continue;
    }
    if (seg === 'id' && i === segs.length - 1 && i > 0) {
      // "/product/id" reads better as "Product"
      if (parts.length) parts[parts.length - 1] = `${parts[parts.length - 1]} ID`;
      continue;
    }
    parts.push(FIELD_NAMES[seg] ?? seg);
  }
  return parts.join(' · ');
}
