// Metronome's OpenAPI request schemas as strict JSON Schema for ajv:
// - `#/components/schemas/X` refs become `#/$defs/X` of one schema document;
// - OpenAPI `nullable: true` becomes a `null` type (or `anyOf [..., null]` around a $ref);
// - `x-*` extensions and `example` are dropped (not JSON Schema keywords; ajv's strict mode refuses them);
// - every object in a request schema that does not say otherwise gets `additionalProperties: false`,
//   so a key outside the schema is an error, not ignored.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ID = 'https://commit-editor.test/metronome-openapi.json';

/** Endpoint request body schemas, by the package function that builds them. */
export const REQUEST_SCHEMAS = {
  planEdit: 'EditCommitPayload',
  planCreate: 'CreateCustomerCommitPayload',
  planEndDate: 'UpdateCommitEndDatePayload',
  planDisableTrueup: 'DisableCommitTrueupPayload',
};

/**
 * Keys newer than the snapshot that the edit endpoint takes (docs and @metronome/sdk 3.10 have them),
 * added to EditCommitPayload when the snapshot lacks them. Exactly these, nothing else.
 */
export const EDIT_ADDITIONS = {
  applicable_contract_ids: { type: ['array', 'null'], items: { type: 'string', format: 'uuid' } },
  description: { type: 'string' },
};

function convert(node, closeObjects) {
  if (Array.isArray(node)) return node.map((n) => convert(n, closeObjects));
  if (node === null || typeof node !== 'object') return node;
  let out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'example' || key === 'nullable') continue;
    if (key === '$ref') {
      out.$ref = value.replace(/^#\/components\/schemas\//, '#/$defs/');
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, closeObjects)]));
    } else {
      out[key] = convert(value, closeObjects);
    }
  }
  if (closeObjects && (out.type === 'object' || out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (node.nullable === true) {
    if (out.type !== undefined) {
      out.type = [...new Set([...[out.type].flat(), 'null'])];
      if (out.enum) out.enum = [...out.enum, null];
    } else {
      out = { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

/** The names of the component schemas reachable from `roots`. */
function reachable(schemas, roots) {
  const seen = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') {
        const name = value.replace(/^#\/components\/schemas\//, '');
        if (!seen.has(name)) { seen.add(name); visit(schemas[name]); }
      } else visit(value);
    }
  };
  roots.forEach((r) => { seen.add(r); visit(schemas[r]); });
  return seen;
}

export function loadValidators(openapi) {
  const schemas = openapi.components.schemas;
  const roots = Object.values(REQUEST_SCHEMAS);
  for (const r of roots) if (!schemas[r]) throw new Error(`the OpenAPI file has no schema ${r}`);
  const request = reachable(schemas, roots);
  const $defs = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, convert(s, request.has(name))]));

  const added = [];
  const alreadyThere = [];
  for (const [key, schema] of Object.entries(EDIT_ADDITIONS)) {
    if ($defs.EditCommitPayload.properties[key]) alreadyThere.push(key);
    else { $defs.EditCommitPayload.properties[key] = schema; added.push(key); }
  }

  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addSchema({ $id: ID, $defs });
  const validators = Object.fromEntries(Object.entries(REQUEST_SCHEMAS).map(([fn, name]) => [fn, ajv.compile({ $ref: `${ID}#/$defs/${name}` })]));
  return { validators, added, alreadyThere, $defs };
}
