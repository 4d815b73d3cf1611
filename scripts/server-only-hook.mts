// Services are marked `import "server-only"` (a throw outside React Server bundles). Scripts that
// run them under Node (the worker, the benches) import this file first: it resolves "server-only"
// to an empty module, as Next's react-server condition and the Vitest alias do. Modules that import
// services must then be loaded with `await import(...)`, after this hook is registered.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }`,
    ),
);
