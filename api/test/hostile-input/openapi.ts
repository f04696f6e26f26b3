/** The parts of the OpenAPI document the properties are built from. */
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, BodySchema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header' }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  security?: unknown[];
}

export interface BodySchema {
  properties: Record<string, FieldSchema>;
  required?: string[];
}

export interface FieldSchema {
  /** Absent for an object described by reference (`$ref`). */
  type?: 'string' | 'number' | 'boolean' | 'array' | 'object';
  /** A `$ref` item: an array of rows, each checked on its own and reported, never refused with the request. */
  items?: { enum?: string[]; $ref?: string };
  maxItems?: number;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  nullable?: boolean;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One route as the document describes it: what it reads from the path, query, headers and body. */
export interface Operation {
  method: Method;
  path: string;
  /** `in:name`, e.g. `query:limit`, `header:idempotency-key`, `body:phoneNumber`. */
  inputs: string[];
  body?: BodySchema;
}

/** Every operation of the document, so a route or field added later is fuzzed (or named as missing) without touching this file. */
export function documentedOperations(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const ref = operation.requestBody?.content['application/json']?.schema.$ref;
      const body = ref ? document.components.schemas[ref.split('/').at(-1)!] : undefined;
      const parameters = (operation.parameters ?? []).map((parameter) => `${parameter.in}:${parameter.name.toLowerCase()}`);
      const fields = Object.keys(body?.properties ?? {}).map((field) => `body:${field}`);
      return { method: method as Method, path, inputs: [...new Set([...parameters, ...fields])], body };
    }),
  );
}

export const routeOf = ({ method, path }: Pick<Operation, 'method' | 'path'>) => `${method.toUpperCase()} ${path}`;
