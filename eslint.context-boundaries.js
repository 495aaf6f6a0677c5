/**
 * A bounded context (`functions/<context>/`) may import only the shared kernel (`functions/lib/`), the
 * table (`functions/store/`) and the code shared with the web (`shared/`) — never another context's files,
 * so each context stays a boundary and no import cycle can form between contexts (README: "Bounded
 * contexts"). The kernel and the store import no context either. The local runtime, the seed and the
 * top-level manifest list are wiring, not contexts: they may read every context.
 */
import path from 'node:path';

const ROOT = path.dirname(new URL(import.meta.url).pathname);
const FUNCTIONS = path.join(ROOT, 'functions');
const KERNEL = new Set(['lib', 'store']);
const WIRING = new Set(['local', 'seed']);

/** The top folder under functions/ a file lives in, or null outside functions/ (or directly in it). */
function areaOf(file) {
  const rel = path.relative(FUNCTIONS, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

export const contextBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'a bounded context imports only functions/lib, functions/store and shared/' },
    schema: [],
    messages: {
      cross:
        "'{{from}}' imports the '{{to}}' context ({{spec}}): contexts share code through functions/lib/ only (README: Bounded contexts).",
    },
  },
  create(context) {
    const file = context.filename;
    const from = areaOf(file);
    if (!from || WIRING.has(from)) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = areaOf(path.resolve(path.dirname(file), spec));
      if (!to || to === from || KERNEL.has(to)) return;
      context.report({ node, messageId: 'cross', data: { from, to, spec } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
