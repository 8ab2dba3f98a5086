// Lets a benchmark run on the TypeScript sources, no build: Node 24 strips types itself, and this
// hook lets the sources' NodeNext-style `./x.js` imports find `./x.ts`. Import it before the
// sources (a static import of this file, then `await import(...)` of theirs).
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
      throw e;
    }
  },
});
